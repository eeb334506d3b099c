package hk.esgone.platform.idempotency;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.problem.ProblemResponses;
import hk.esgone.platform.web.CorrelationId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an endpoint that takes an {@code Idempotency-Key} needs around its command: validates the header,
 * fingerprints the request, runs the command at most once per key through {@link IdempotentExecutor}, and
 * turns the stored outcome into the response (with {@code Idempotent-Replayed: true} on a replay). The
 * controller only wraps its command and says what the result is:
 *
 * <pre>{@code
 * return endpoint.run(exchange, "claims:" + companyId, keyHeader, request, Refusals.STORE,
 *         attempt -> claims.claim(...).map(claim -> Result.created(view(claim), "/api/v1/offers/claims/" + claim.id())));
 * }</pre>
 */
public class IdempotentEndpoint {

    /** What happens to a refusal (an {@link ApiProblem}) the command raises. */
    public enum Refusals {
        /** Stored and replayed like a success: a retry with the same key gets the same refusal. */
        STORE,
        /** Not stored: the key is released and a retry with it runs the command again. */
        RELEASE
    }

    /** The outcome of a command: status, body (written as JSON) and response headers such as {@code Location}. */
    public record Result(HttpStatusCode status, Object body, Map<String, String> headers) {

        public static Result ok(Object body) {
            return new Result(HttpStatus.OK, body, Map.of());
        }

        public static Result created(Object body, String location) {
            return new Result(HttpStatus.CREATED, body, Map.of(HttpHeaders.LOCATION, location));
        }

        public static Result of(HttpStatusCode status, Object body) {
            return new Result(status, body, Map.of());
        }
    }

    private final IdempotentExecutor executor;
    private final JsonMapper json;

    public IdempotentEndpoint(IdempotentExecutor executor, JsonMapper json) {
        this.executor = executor;
        this.json = json;
    }

    /**
     * @param scope           whose keys these are (e.g. {@code "claims:" + companyId}); keys of different scopes never meet
     * @param keyHeader       the raw {@code Idempotency-Key} header; missing or malformed → 400 problem
     * @param fingerprintBody what identifies the request besides method and path (usually the request body)
     * @param command         the work, given the request's {@link Attempt}
     */
    public Mono<ResponseEntity<String>> run(ServerWebExchange exchange, String scope, String keyHeader, Object fingerprintBody,
                                            Refusals refusals, Function<Attempt, Mono<Result>> command) {
        String key = IdempotencyKey.require(keyHeader);
        String fingerprint = RequestFingerprint.of(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                json.writeValueAsString(fingerprintBody));
        Function<Attempt, Mono<StoredResponse>> operation = attempt -> command.apply(attempt).map(this::stored);
        Function<ApiProblem, StoredResponse> problems = refusals == Refusals.STORE ? problem -> stored(problem, exchange) : null;
        return executor.execute(scope, key, fingerprint, operation, problems)
                .map(IdempotentExecutor.Outcome::toResponseEntity);
    }

    private StoredResponse stored(Result result) {
        return new StoredResponse(result.status().value(), MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(result.body()),
                result.headers());
    }

    /** The problem exactly as the platform's error handler would render it, kept so that a replay is identical. */
    private StoredResponse stored(ApiProblem problem, ServerWebExchange exchange) {
        ProblemDetail body = problem.getBody();
        if (body.getInstance() == null) {
            body.setInstance(URI.create(exchange.getRequest().getPath().value()));
        }
        String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        if (correlationId != null) {
            body.setProperty(CorrelationId.KEY, correlationId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        problem.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        return new StoredResponse(body.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(ProblemResponses.asMap(body)), headers);
    }
}
