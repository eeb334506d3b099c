package hk.esgone.badge;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.badge.support.BadgeServiceIntegrationTest;

/** The packaged service carries no benchmark code: bench/badge/run adds its baseline endpoint from its own sources. */
class NoBenchmarkEndpointsIntegrationTests extends BadgeServiceIntegrationTest {

    @Test
    void benchPathsAreNotFound() {
        for (String path : new String[] {"/bench/constant", "/bench/anything/else"}) {
            web.get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404);
        }
    }
}
