package hk.esgone.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.testsupport.time.MutableClock;

class CursorCodecTests {

    private final MutableClock clock = new MutableClock();
    private final CursorCodec codec = new CursorCodec("secret-one", Duration.ofHours(1), clock);

    @Test
    void roundTripsAnyPositionForTheSameQuery() {
        String position = "2026-05-01T10:00:00Z|off-abc 綠色 \"quoted\"";
        String cursor = codec.encode("status=PUBLISHED", position);
        assertThat(cursor).doesNotContain("off-abc").matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, "status=PUBLISHED")).isEqualTo(position);
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        String cursor = codec.encode("status=PUBLISHED", "x");
        assertInvalid(() -> codec.decode(cursor, "status=PAUSED"), "another query");
    }

    @Test
    void refusesATamperedCursor() {
        byte[] bytes = Base64.getUrlDecoder().decode(codec.encode("", "cmp-aaa"));
        bytes[bytes.length - 20] ^= 1;   // a byte of the position
        assertInvalid(() -> codec.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), ""), "altered");
    }

    @Test
    void refusesACursorSignedWithAnotherKey() {
        String foreign = new CursorCodec("secret-two", Duration.ofHours(1), clock).encode("", "cmp-aaa");
        assertInvalid(() -> codec.decode(foreign, ""), "altered");
    }

    @Test
    void refusesAnExpiredCursor() {
        String cursor = codec.encode("", "cmp-aaa");
        clock.advance(Duration.ofMinutes(59));
        assertThat(codec.decode(cursor, "")).isEqualTo("cmp-aaa");
        clock.advance(Duration.ofMinutes(2));
        assertInvalid(() -> codec.decode(cursor, ""), "expired");
    }

    @Test
    void refusesGarbageEmptyAndOversizedInput() {
        assertInvalid(() -> codec.decode("garbage!", ""), "not valid");
        assertInvalid(() -> codec.decode("", ""), "not valid");
        assertInvalid(() -> codec.decode("a".repeat(CursorCodec.MAX_LENGTH + 1), ""), "not valid");
        assertInvalid(() -> codec.decode("AAAA", ""), "not valid");
    }

    @Test
    void aBlankSecretStillSignsButOnlyForThisInstance() {
        CursorCodec random = new CursorCodec("", Duration.ofHours(1), clock);
        String cursor = random.encode("", "k");
        assertThat(random.decode(cursor, "")).isEqualTo("k");
        assertInvalid(() -> new CursorCodec(" ", Duration.ofHours(1), clock).decode(cursor, ""), "altered");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String detailPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.kind()).isEqualTo("invalid-cursor");
            assertThat(p.getStatusCode().value()).isEqualTo(400);
            assertThat(p.getBody().getDetail()).contains(detailPart);
        });
    }
}
