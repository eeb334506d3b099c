package hk.esgone.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void everyKindFollowsOneSlugRule() {
        for (Ids.IdKind kind : new Ids.IdKind[] {Ids.COMPANY, Ids.ACHIEVEMENT, Ids.BADGE, Ids.OFFER, Ids.CLAIM, Ids.EVENT}) {
            String prefix = kind.prefix();
            assertThat(kind.isValid(prefix + "abc")).isTrue();
            assertThat(kind.isValid(prefix + "a".repeat(61))).isTrue();
            assertThat(kind.isValid(prefix + "a".repeat(62))).as("too long").isFalse();
            assertThat(kind.isValid(prefix + "ab")).as("too short").isFalse();
            assertThat(kind.isValid(prefix + "-abc")).as("leading hyphen").isFalse();
            assertThat(kind.isValid(prefix + "ABC")).as("upper case").isFalse();
            assertThat(kind.isValid(prefix + "abc\n")).as("trailing newline").isFalse();
            assertThat(kind.isValid("xyz-abc")).as("other prefix").isFalse();
            assertThat(kind.isValid(null)).isFalse();
            assertThat(kind.isValid(kind.newId())).isTrue();
        }
        assertThat(Ids.ACHIEVEMENT.isValid("ach-esg-one-ebadge")).isTrue();
        assertThat(Ids.COMPANY.isValid("ach-esg-one-ebadge")).isFalse();
    }

    @Test
    void newIdsAreRandomBase32() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.OFFER.newId();
            assertThat(id).matches("off-[a-z2-7]{12}");
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        assertThat(Ids.CLAIM.newId(16)).matches("clm-[a-z2-7]{16}");
    }

    @Test
    void registrationNumbers() {
        assertThat(Ids.BR_NUMBER.matcher("12345678").matches()).isTrue();
        assertThat(Ids.BR_NUMBER.matcher("1234567").matches()).isFalse();
        assertThat(Ids.USCC.matcher("91440300MA5FXXXX0X").matches()).isTrue();
        assertThat(Ids.USCC.matcher("91440300MA5FXXXX0I").matches()).as("I is not a USCC character").isFalse();
    }
}
