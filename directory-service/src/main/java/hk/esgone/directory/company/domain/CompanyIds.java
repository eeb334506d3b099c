package hk.esgone.directory.company.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Company ids as docs/contracts.md fixes them: {@code cmp-} + lowercase letters, digits and hyphens. */
public final class CompanyIds {

    public static final Pattern FORMAT = Pattern.compile("^cmp-[a-z0-9][a-z0-9-]{2,60}$");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CompanyIds() {
    }

    /** {@code cmp-} + 12 random lowercase base32 characters (60 bits). */
    public static String newId() {
        StringBuilder id = new StringBuilder("cmp-");
        for (int i = 0; i < 12; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        return id.toString();
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
