package hk.esgone.assessment.badges;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import hk.esgone.assessment.config.BadgeIssuingProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/badges/earned} of badge-service (docs/contracts.md), with the service's own token and an
 * {@code Idempotency-Key}. Failures are sorted for the job: {@link Refused} (a permanent 4xx: asking again cannot
 * help) or anything else (badge-service or Keycloak down, slow, 5xx, 401, 409 still running, 429: try again later).
 */
class BadgeServiceClient {

    /** Answers that a later retry with the same key may turn into a success. */
    private static final Set<Integer> RETRYABLE_4XX = Set.of(401, 408, 409, 425, 429);
    private static final int MAX_ERROR = 300;

    /** badge-service refused the request for good. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EarnedResponse(Badge badge) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Badge(String id) {
        }
    }

    private final WebClient http;
    private final ServiceToken token;
    private final BadgeIssuingProperties properties;
    private final JsonMapper json;

    BadgeServiceClient(WebClient http, ServiceToken token, BadgeIssuingProperties properties, JsonMapper json) {
        this.http = http;
        this.token = token;
        this.properties = properties;
        this.json = json;
    }

    /** Asks badge-service to issue {@code achievementId} to the company; the new badge's id. */
    Mono<String> issue(String idempotencyKey, String achievementId, String companyId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("achievementId", achievementId);
        body.put("companyId", companyId);
        body.put("reason", reason);
        return token.get().flatMap(bearer -> http.post().uri(properties.url().resolve("/internal/badges/earned"))
                        .headers(h -> {
                            h.setBearerAuth(bearer);
                            h.set("Idempotency-Key", idempotencyKey);
                        })
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(EarnedResponse.class))
                .filter(response -> response.badge() != null && response.badge().id() != null)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("badge-service answered without a badge id")))
                .map(response -> response.badge().id())
                .onErrorMap(WebClientResponseException.class, this::sorted);
    }

    private RuntimeException sorted(WebClientResponseException e) {
        int status = e.getStatusCode().value();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            token.forget();
        }
        String message = "badge-service answered " + status + describe(e.getResponseBodyAsString());
        if (e.getStatusCode().is4xxClientError() && !RETRYABLE_4XX.contains(status)) {
            return new Refused(shorten(message));
        }
        return new IllegalStateException(shorten(message));
    }

    /** The problem's type and detail, when the body is a problem. */
    private String describe(String body) {
        try {
            JsonNode problem = json.readTree(body);
            String type = problem.path("type").asString("");
            String detail = problem.path("detail").asString("");
            String kind = type.substring(type.lastIndexOf('/') + 1);
            return (kind.isEmpty() ? "" : " " + kind) + (detail.isEmpty() ? "" : ": " + detail);
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    static String shorten(String message) {
        return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR - 1) + "…";
    }
}
