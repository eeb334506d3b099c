package hk.esgone.web.support;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The one way pages reach the services: their public APIs ({@code /api/v1/...}) only — never a store, never an
 * {@code /internal/} path (refused here before any call). Public reads go anonymously; a person's own data goes
 * with that person's access token, taken from the session and refreshed when needed. The services decide what
 * anyone may see or do; an answer the page cannot use becomes a {@link ServiceFailure} that the error pages
 * explain.
 */
public class ServiceApi {

    private static final Logger log = LoggerFactory.getLogger(ServiceApi.class);

    /** The services the portal calls, by their part of the API path. */
    public enum Service {
        DIRECTORY, OFFERS, BADGES, ASSESSMENTS
    }

    private final WebClient client;
    private final Map<Service, URI> bases;
    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final String registrationId;
    private final Duration timeout;

    public ServiceApi(WebClient client, Map<Service, URI> bases, ReactiveOAuth2AuthorizedClientManager authorizedClients,
                      String registrationId, Duration timeout) {
        this.client = client;
        this.bases = Map.copyOf(bases);
        this.authorizedClients = authorizedClients;
        this.registrationId = registrationId;
        this.timeout = timeout;
    }

    /** A public read, without anyone's token. An unknown id answers {@link ServiceFailure} 404. */
    public Mono<JsonNode> get(Service service, String path, MultiValueMap<String, String> query) {
        return exchange(service, "GET", uri(bases.get(service), path, query), null, Mono.just(""));
    }

    /** A public write that needs no one's token (checking a credential one holds): {@code body} sent as it is. */
    public Mono<JsonNode> post(Service service, String path, String body, MediaType contentType) {
        return exchange(service, "POST", uri(bases.get(service), path, null), new TypedBody(body, contentType), Mono.just(""), Map.of());
    }

    /** A body sent with its own media type rather than as JSON. */
    private record TypedBody(String text, MediaType type) {
    }

    /** A {@code multipart/form-data} body (an uploaded file), as {@code MultipartBodyBuilder} builds it. */
    private record MultipartBody(MultiValueMap<String, HttpEntity<?>> parts) {
    }

    /** A file the signed-in person sends as {@code multipart/form-data}; the service checks that they may. */
    public Mono<JsonNode> uploadAsUser(ServerWebExchange exchange, Service service, String path, MultiValueMap<String, HttpEntity<?>> parts) {
        return exchange(service, "POST", uri(bases.get(service), path, null), new MultipartBody(parts), accessToken(exchange), Map.of());
    }

    /**
     * A file that belongs to the signed-in person (or that staff may read), streamed: the service's status and headers
     * with the body as it arrives, never held whole in memory. A refusal is a {@link ServiceFailure} as for JSON calls.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> downloadAsUser(ServerWebExchange exchange, Service service, String path) {
        URI uri = uri(bases.get(service), path, null);
        return accessToken(exchange).flatMap(bearer -> client.get().uri(uri)
                        .headers(h -> h.setBearerAuth(bearer))
                        .retrieve()
                        .onStatus(status -> !status.is2xxSuccessful(), response -> response.bodyToMono(JsonNode.class)
                                .onErrorResume(e -> Mono.empty()).defaultIfEmpty(NullNode.getInstance())
                                .map(problem -> new ServiceFailure(HttpStatus.valueOf(response.statusCode().value()), problem, null)))
                        .toEntityFlux(DataBuffer.class))
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> ServiceFailure.unavailable())
                .onErrorMap(WebClientRequestException.class, e -> ServiceFailure.unavailable());
    }

    /**
     * Keeps the signed-in person's tokens alive: renewed at Keycloak when they are due (which also keeps the person's
     * Keycloak session from ending while idle), nothing called otherwise. A session that ended there sends the person
     * to sign in, as any page needing their token does ({@link #accessToken}).
     */
    public Mono<Void> keepSignedIn(ServerWebExchange exchange) {
        return accessToken(exchange).then()
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> ServiceFailure.unavailable())
                .onErrorMap(WebClientRequestException.class, e -> ServiceFailure.unavailable());
    }

    /** A read of something that belongs to the signed-in person (their company, claims, badges). */
    public Mono<JsonNode> getAsUser(ServerWebExchange exchange, Service service, String path, MultiValueMap<String, String> query) {
        return exchange(service, "GET", uri(bases.get(service), path, query), null, accessToken(exchange));
    }

    /** A change made by the signed-in person; the service checks that they may make it. */
    public Mono<JsonNode> sendAsUser(ServerWebExchange exchange, Service service, String method, String path, Object body,
                                     Map<String, String> headers) {
        return exchange(service, method, uri(bases.get(service), path, null), body, accessToken(exchange), headers);
    }

    /** A text (a CSV file's content) POSTed by the signed-in person with its own media type, not as JSON. */
    public Mono<JsonNode> postTextAsUser(ServerWebExchange exchange, Service service, String path, String text, MediaType contentType) {
        return exchange(service, "POST", uri(bases.get(service), path, null), new TypedBody(text, contentType), accessToken(exchange), Map.of());
    }

    /** As {@link #sendAsUser(ServerWebExchange, Service, String, String, Object, Map)}, with a query (a DELETE's revision). */
    public Mono<JsonNode> sendAsUserWithQuery(ServerWebExchange exchange, Service service, String method, String path,
                                              MultiValueMap<String, String> query, Object body) {
        return exchange(service, method, uri(bases.get(service), path, query), body, accessToken(exchange), Map.of());
    }

    private Mono<JsonNode> exchange(Service service, String method, URI uri, Object body, Mono<String> token) {
        return exchange(service, method, uri, body, token, Map.of());
    }

    private Mono<JsonNode> exchange(Service service, String method, URI uri, Object body, Mono<String> token,
                                    Map<String, String> headers) {
        return token.defaultIfEmpty("").flatMap(bearer -> {
            WebClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
                    .uri(uri)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .headers(h -> {
                        if (!bearer.isEmpty()) {
                            h.setBearerAuth(bearer);
                        }
                        headers.forEach(h::set);
                    });
            WebClient.RequestHeadersSpec<?> ready = body == null ? request
                    : body instanceof TypedBody typed ? request.contentType(typed.type()).bodyValue(typed.text())
                    : body instanceof MultipartBody parts ? request.body(BodyInserters.fromMultipartData(parts.parts()))
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            return ready.exchangeToMono(ServiceApi::read);
        })
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, e -> ServiceFailure.unavailable())
                .onErrorMap(WebClientRequestException.class, e -> ServiceFailure.unavailable());
    }

    private static Mono<JsonNode> read(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.is2xxSuccessful()) {
            return response.bodyToMono(JsonNode.class).defaultIfEmpty(NullNode.getInstance());
        }
        return response.bodyToMono(JsonNode.class).onErrorResume(e -> Mono.empty()).defaultIfEmpty(NullNode.getInstance())
                .flatMap(problem -> Mono.error(new ServiceFailure(HttpStatus.valueOf(status.value()), problem,
                        response.headers().asHttpHeaders().getFirst(HttpHeaders.ETAG))));
    }

    private Mono<String> accessToken(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .switchIfEmpty(Mono.error(() -> new ServiceFailure(HttpStatus.UNAUTHORIZED, NullNode.getInstance(), null)))
                .flatMap(principal -> authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                        .principal((Authentication) principal)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build()))
                .map(client -> client.getAccessToken().getTokenValue())
                .onErrorMap(ServiceApi::isRenewalRefused, refused -> renewalRefused((OAuth2AuthorizationException) refused, registrationId))
                // the refresh token has expired too (or Keycloak ended the session): sign in again
                .switchIfEmpty(Mono.error(() -> new ServiceFailure(HttpStatus.UNAUTHORIZED, NullNode.getInstance(), null)));
    }

    /** Keycloak refused to renew (not "no tokens in this session", which security's client filter already answers). */
    private static boolean isRenewalRefused(Throwable failure) {
        return failure instanceof OAuth2AuthorizationException && !(failure instanceof ClientAuthorizationRequiredException);
    }

    /**
     * Keycloak refused to renew the person's tokens. Their session there ended (signed out elsewhere, by an
     * administrator, or idle for longer than Keycloak keeps it; the tokens are already gone from the portal's session):
     * security's client filter sends them to Keycloak's sign-in and back here (to the form's page for a form sent,
     * see SessionCookieOnly). Keycloak refused the portal itself (its client secret changed) or answered
     * something that is not a token: "try again", and the operator finds the reason in the log.
     */
    private static RuntimeException renewalRefused(OAuth2AuthorizationException refused, String registrationId) {
        String code = refused.getError().getErrorCode();
        if (OAuth2ErrorCodes.INVALID_GRANT.equals(code) || OAuth2ErrorCodes.INVALID_TOKEN.equals(code)) {
            return new ClientAuthorizationRequiredException(registrationId);
        }
        log.warn("Keycloak did not renew a signed-in person's tokens: {}", refused.getError());
        return ServiceFailure.unavailable();
    }

    /** Only the services' public API, with every query value encoded (never interpreted: +, &, = and any Unicode). */
    static URI uri(URI base, String path, MultiValueMap<String, String> query) {
        if (!path.startsWith("/api/v1/") || path.contains("/internal/") || path.contains("..")) {
            throw new IllegalArgumentException("the portal calls only the services' public API, not " + path);
        }
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(path);
        Map<String, Object> variables = new HashMap<>();
        if (query != null) {
            query.forEach((name, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    String variable = "v" + variables.size();
                    builder.queryParam(name, "{" + variable + "}");
                    variables.put(variable, values.get(i));
                }
            });
        }
        return builder.encode().buildAndExpand(variables).toUri();
    }

    /** A query of name / value pairs, leaving out the values that are null or blank. */
    public static MultiValueMap<String, String> query(String... pairs) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                query.add(pairs[i], pairs[i + 1]);
            }
        }
        return query;
    }
}
