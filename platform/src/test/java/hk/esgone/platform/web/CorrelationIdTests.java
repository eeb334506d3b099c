package hk.esgone.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CorrelationIdTests {

    @Test
    void aWellFormedIncomingIdIsKeptAndAnythingElseIsReplaced() {
        assertThat(CorrelationId.acceptOrCreate("journey-0001")).isEqualTo("journey-0001");
        assertThat(CorrelationId.acceptOrCreate("short")).isNotEqualTo("short");
        assertThat(CorrelationId.acceptOrCreate("bad id\r\nX-Injected: 1")).doesNotContain("Injected");
        assertThat(CorrelationId.acceptOrCreate(null)).isNotBlank();
    }

    @Test
    void newIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = CorrelationId.acceptOrCreate(null);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }
}
