package hk.esgone.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;


class RegistrationNumbersTests {

    @Test
    void aBusinessRegistrationNumberIsEightDigits() {
        assertThat(RegistrationNumbers.isValidBr("12345678")).isTrue();
        assertThat(RegistrationNumbers.isValidBr("1234567")).isFalse();
        assertThat(RegistrationNumbers.isValidBr("123456789")).isFalse();
        assertThat(RegistrationNumbers.isValidBr("1234567A")).isFalse();
        assertThat(RegistrationNumbers.isValidBr("00000000")).isFalse();
        assertThat(RegistrationNumbers.isValidBr(" 12345678")).isFalse();
        assertThat(RegistrationNumbers.isValidBr("１２３４５６７８")).as("full-width digits").isFalse();
    }

    @Test
    void aUnifiedSocialCreditCodeCarriesItsCheckCharacter() {
        // published examples of GB 32100-2015 codes
        assertThat(RegistrationNumbers.isValidUscc("91350100M000100Y43")).isTrue();
        assertThat(RegistrationNumbers.isValidUscc("911101080000000000")).isFalse();
        String first17 = "91440300MA5DC6QX8";
        char check = RegistrationNumbers.usccCheckCharacter(first17);
        assertThat(RegistrationNumbers.isValidUscc(first17 + check)).isTrue();
        for (char other : RegistrationNumbers.usccAlphabet().toCharArray()) {
            if (other != check) {
                assertThat(RegistrationNumbers.isValidUscc(first17 + other)).isFalse();
            }
        }
        assertThat(RegistrationNumbers.isValidUscc("91440300MA5DC6QX8" + "I")).as("I is not in the alphabet").isFalse();
        assertThat(RegistrationNumbers.isValidUscc("91440300ma5dc6qx8" + check)).as("upper case only").isFalse();
        assertThat(RegistrationNumbers.isValidUscc("9144030")).isFalse();
    }

    @Test
    void bothKindsShareOneUniqueKeySpace() {
        assertThat(RegistrationNumbers.key("12345678", null)).isEqualTo("BR:12345678");
        assertThat(RegistrationNumbers.key(null, "91350100M000100Y43")).isEqualTo("USCC:91350100M000100Y43");
    }
}
