package hk.esgone.badge.common;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Identifier formats shared with the other services (see docs/contracts.md). */
public final class Ids {

    public static final Pattern COMPANY_ID = Pattern.compile("^cmp-[a-z0-9][a-z0-9-]{2,60}$");
    public static final Pattern ACHIEVEMENT_ID = Pattern.compile("^ach-[a-z0-9][a-z0-9-]{2,60}$");
    public static final Pattern BADGE_ID = Pattern.compile("^bdg-[a-z0-9][a-z0-9-]{2,60}$");
    /** Hong Kong Business Registration number: 8 digits. */
    public static final Pattern BR_NUMBER = Pattern.compile("^[0-9]{8}$");
    /** Mainland Unified Social Credit Code: 18 characters. */
    public static final Pattern USCC = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    public static boolean isCompanyId(String id) {
        return id != null && COMPANY_ID.matcher(id).matches();
    }

    public static boolean isBadgeId(String id) {
        return id != null && BADGE_ID.matcher(id).matches();
    }

    public static boolean isAchievementId(String id) {
        return id != null && ACHIEVEMENT_ID.matcher(id).matches();
    }
}
