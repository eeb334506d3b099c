package hk.esgone.offers.claim;

import java.security.SecureRandom;

/** Codes generated per claim: 10 characters without look-alikes (no 0/O, 1/I/L, U), ~49 bits, as XXXXX-XXXXX. */
final class RedemptionCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RedemptionCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
