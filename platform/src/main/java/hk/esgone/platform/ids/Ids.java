package hk.esgone.platform.ids;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The identifier rules of the marketplace (docs/contracts.md), in one place: every id is a kind prefix
 * plus a slug of lowercase letters, digits and hyphens, 3 to 61 characters after the prefix. New ids are
 * the prefix plus random lowercase base32 characters.
 */
public final class Ids {

    /** Directory companies, e.g. {@code cmp-demo-supplier}. */
    public static final IdKind COMPANY = new IdKind("cmp-");
    /** Badge-service achievements (badge types), e.g. {@code ach-esg-one-ebadge}. */
    public static final IdKind ACHIEVEMENT = new IdKind("ach-");
    /** Issued badges. */
    public static final IdKind BADGE = new IdKind("bdg-");
    /** Partner offers. */
    public static final IdKind OFFER = new IdKind("off-");
    /** Claims on offers. */
    public static final IdKind CLAIM = new IdKind("clm-");
    /** Events of an event feed. */
    public static final IdKind EVENT = new IdKind("evt-");

    /** A slug: lowercase letters, digits and hyphens, starting with a letter or digit, 3 to 61 characters. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9-]{2,60}$");
    /** Hong Kong Business Registration number: 8 digits. */
    public static final Pattern BR_NUMBER = Pattern.compile("^[0-9]{8}$");
    /** Mainland Unified Social Credit Code: 18 characters (the check character is verified by the directory). */
    public static final Pattern USCC = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code length} random lowercase base32 characters (5 bits each). */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** One kind of identifier: its prefix and the pattern of its ids. */
    public record IdKind(String prefix, Pattern pattern) {

        IdKind(String prefix) {
            this(prefix, Pattern.compile("^" + Pattern.quote(prefix) + "[a-z0-9][a-z0-9-]{2,60}$"));
        }

        public boolean isValid(String id) {
            return id != null && pattern.matcher(id).matches();
        }

        /** A new id: the prefix and {@code randomLength} random characters. */
        public String newId(int randomLength) {
            return prefix + random(randomLength);
        }

        /** A new id with 12 random characters (60 bits). */
        public String newId() {
            return newId(12);
        }

        /** The id made of the prefix and a slug, e.g. {@code ach-} + {@code esg-one-ebadge}. */
        public String ofSlug(String slug) {
            return prefix + slug;
        }
    }
}
