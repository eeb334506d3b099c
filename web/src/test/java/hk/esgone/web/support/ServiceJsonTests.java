package hk.esgone.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The lenient instant reader every page's view model uses: a malformed time from a service is shown as none, never a 500. */
class ServiceJsonTests {

    @Test
    void readsAnInstantAndTakesAnythingElseAsNone() {
        assertThat(ServiceJson.instant("2026-12-05T02:00:00Z")).isEqualTo(Instant.parse("2026-12-05T02:00:00Z"));
        assertThat(ServiceJson.instant((String) null)).isNull();
        assertThat(ServiceJson.instant("")).isNull();
        assertThat(ServiceJson.instant("2026-13-45")).isNull();
        var json = JsonMapper.shared().readTree("""
                {"at":"2026-12-05T02:00:00.123Z","number":1733364000,"text":"yesterday","nothing":null}""");
        assertThat(ServiceJson.instant(json.path("at"))).isEqualTo(Instant.parse("2026-12-05T02:00:00.123Z"));
        assertThat(ServiceJson.instant(json.path("number"))).isNull();
        assertThat(ServiceJson.instant(json.path("text"))).isNull();
        assertThat(ServiceJson.instant(json.path("nothing"))).isNull();
        assertThat(ServiceJson.instant(json.path("missing"))).isNull();
    }
}
