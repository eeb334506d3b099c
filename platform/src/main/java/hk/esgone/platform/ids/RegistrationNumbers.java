package hk.esgone.platform.ids;

import java.util.regex.Pattern;

/**
 * The two legal identifiers a company can be registered with.
 * <ul>
 * <li>Hong Kong Business Registration number: the 8-digit BR number (the first part of the full
 *     certificate number). No public check digit exists, so the format is what can be validated.</li>
 * <li>Mainland Unified Social Credit Code (GB 32100-2015): 18 characters from a 31-character alphabet
 *     (no I, O, Z, S, V) whose last character is a mod-31 check character.</li>
 * </ul>
 */
public final class RegistrationNumbers {

    private static final Pattern BR = Pattern.compile("^[0-9]{8}$");
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern USCC = Pattern.compile("^[1-9A-HJ-NP-RTUWXY][1-9A-HJ-NP-RTUWXY][0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$");

    private RegistrationNumbers() {
    }

    public static String usccAlphabet() {
        return USCC_ALPHABET;
    }

    public static boolean isValidBr(String br) {
        return br != null && BR.matcher(br).matches() && !"00000000".equals(br);
    }

    public static boolean isValidUscc(String uscc) {
        if (uscc == null || !USCC.matcher(uscc).matches()) {
            return false;
        }
        return usccCheckCharacter(uscc.substring(0, 17)) == uscc.charAt(17);
    }

    /** The check character for the first 17 characters of a USCC. */
    public static char usccCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += value * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_ALPHABET.charAt(check);
    }

    /** The key the unique index is on: one namespace for both kinds of number. */
    public static String key(String brNumber, String uscc) {
        return brNumber != null ? "BR:" + brNumber : "USCC:" + uscc;
    }
}
