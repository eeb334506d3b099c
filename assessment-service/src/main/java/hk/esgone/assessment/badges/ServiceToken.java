package hk.esgone.assessment.badges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import hk.esgone.assessment.config.BadgeIssuingProperties;
import reactor.core.publisher.Mono;

/**
 * The client-credentials access token of assessment-service's own Keycloak client, kept until shortly before it
 * expires (one token serves every call of a run, and the next runs while it lasts).
 */
class ServiceToken {

    /** A token is renewed this long before Keycloak says it expires, so it never expires on its way. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    private record Cached(String token, Instant renewAt) {
    }

    private final WebClient http;
    private final BadgeIssuingProperties properties;
    private final Clock clock;
    private volatile Cached cached;

    ServiceToken(WebClient http, BadgeIssuingProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    /** A valid access token, from the cache or a new client-credentials grant. */
    Mono<String> get() {
        Cached current = cached;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Mono.just(current.token());
        }
        return http.post().uri(properties.tokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", properties.clientId())
                        .with("client_secret", properties.clientSecret()))
                .retrieve()
                .bodyToMono(TokenResponse.class)
                .filter(response -> response.accessToken() != null && !response.accessToken().isBlank())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Keycloak answered without an access token")))
                .map(response -> {
                    Instant renewAt = clock.instant().plusSeconds(response.expiresIn()).minus(MARGIN);
                    cached = new Cached(response.accessToken(), renewAt);
                    return response.accessToken();
                })
                // never read as badge-service's answer: whatever Keycloak says, the badges are tried again later
                .onErrorMap(WebClientResponseException.class,
                        e -> new IllegalStateException("Keycloak gave no token (" + e.getStatusCode().value() + ")"));
    }

    /** badge-service refused the token (401): the next call asks Keycloak for a new one. */
    void forget() {
        cached = null;
    }
}
