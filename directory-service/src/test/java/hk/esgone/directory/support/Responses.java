package hk.esgone.directory.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import hk.esgone.platform.problem.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading answers as a client would: the JSON body, and problem details of a given kind. */
public final class Responses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Responses() {
    }

    public static JsonNode json(WebTestClient.ResponseSpec spec) {
        byte[] body = spec.expectBody().returnResult().getResponseBody();
        return JSON.readTree(body == null ? new byte[0] : body);
    }

    /** A problem+json answer of this kind, with a status and no stack trace. */
    public static JsonNode problem(WebTestClient.ResponseSpec spec, String kind) {
        JsonNode body = json(spec.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(body.path("type").asString()).isEqualTo(ApiProblem.TYPE_BASE + kind);
        assertThat(body.path("status").isInt()).as(body.toString()).isTrue();
        assertThat(body.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }
}
