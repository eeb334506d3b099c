package hk.esgone.offers.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import hk.esgone.platform.problem.ApiProblem;

class CursorsTests {

    private final Cursors cursors = new Cursors("secret");
    private final Cursors.Position position = new Cursors.Position(Instant.parse("2026-03-01T10:15:30.123456789Z"), "off-abc123");

    @Test
    void aCursorRoundTripsForItsOwnQuery() {
        String cursor = cursors.encode(position, "catalogue|x");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursors.decode(cursor, "catalogue|x")).isEqualTo(position);
        assertThat(new Cursors("secret").decode(cursor, "catalogue|x")).as("same key, another instance").isEqualTo(position);
    }

    @Test
    void tamperedForeignOrMisusedCursorsAreRefused() {
        String cursor = cursors.encode(position, "catalogue|x");
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        raw[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        for (String bad : new String[] {tampered, "", "!!!", "AAAA", cursor.substring(0, cursor.length() - 2), cursor + "A".repeat(500)}) {
            assertThatThrownBy(() -> cursors.decode(bad, "catalogue|x"))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo("invalid-cursor"));
        }
        assertThatThrownBy(() -> new Cursors("another secret").decode(cursor, "catalogue|x")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> cursors.decode(cursor, "catalogue|y"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getBody().getDetail()).contains("other filters"));
    }
}
