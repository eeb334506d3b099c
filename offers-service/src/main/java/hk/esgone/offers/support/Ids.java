package hk.esgone.offers.support;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Identifiers this service mints and the ones it accepts in paths. */
public final class Ids {

    /** contracts.md: company ids. */
    public static final Pattern COMPANY = Pattern.compile("cmp-[a-z0-9][a-z0-9-]{2,60}");
    public static final Pattern OFFER = Pattern.compile("off-[a-z0-9][a-z0-9-]{2,60}");
    public static final Pattern CLAIM = Pattern.compile("clm-[a-z0-9][a-z0-9-]{2,60}");
    public static final Pattern ACHIEVEMENT = Pattern.compile("ach-[a-z0-9][a-z0-9-]{1,80}");

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newOfferId() {
        return "off-" + random(12);
    }

    public static String newClaimId() {
        return "clm-" + random(16);
    }

    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }

    public static boolean isOfferId(String id) {
        return id != null && OFFER.matcher(id).matches();
    }

    public static boolean isClaimId(String id) {
        return id != null && CLAIM.matcher(id).matches();
    }

    public static boolean isCompanyId(String id) {
        return id != null && COMPANY.matcher(id).matches();
    }
}
