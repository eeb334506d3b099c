package hk.esgone.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import hk.esgone.platform.text.TextJacksonModule.InvalidTextException;
import hk.esgone.platform.web.RequestMdc;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where every failure becomes an RFC 9457 problem body: controller exceptions,
 * framework errors (unknown route, bad media type, invalid JSON, oversized bodies) and security.
 * Unexpected failures are logged with their stack trace and answered with a generic 500 that
 * names only the correlation id.
 */
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    /** Exceptions (and their subclasses) that mean a data store does not answer; see {@link #isStoreOutage}. */
    private static final Set<String> STORE_OUTAGES = Set.of("org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.QueryTimeoutException", "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketException", "io.lettuce.core.RedisException");

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof AuthenticationServiceException) {
            // the identity provider (its keys) could not be reached: an outage, not a bad token
            String cause = ex.toString();
            RequestMdc.run(exchange, () -> log.warn("Token could not be checked on {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), cause));
            ex = ApiProblem.unavailable("auth-unavailable", "Your token cannot be checked right now. Try again shortly.", 5);
        } else if (isStoreOutage(ex)) {
            // the service's database does not answer (down, unreachable, no primary): an outage, not a bug
            String cause = ex.toString();
            RequestMdc.run(exchange, () -> log.warn("Database not answering on {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), cause));
            ex = ApiProblem.unavailable("store-unavailable", "The service cannot reach its database right now. Try again shortly.", 5);
        }
        ProblemDetail problem = toProblem(ex, exchange);
        if (ex instanceof ErrorResponse errorResponse) {
            errorResponse.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                    response.getHeaders().put(name, values);
                }
            });
        }
        return ProblemResponses.write(exchange, problem);
    }

    static ProblemDetail toProblem(Throwable ex, ServerWebExchange exchange) {
        if (ex instanceof ApiProblem apiProblem) {
            return apiProblem.getBody();
        }
        if (hasCause(ex, DataBufferLimitException.class)) {
            return ApiProblem.body(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    "The request body is larger than this endpoint accepts.");
        }
        if (ex instanceof WebExchangeBindException bind) {
            ProblemDetail problem = ApiProblem.body(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "One or more fields are invalid.");
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError error : bind.getFieldErrors()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("field", error.getField());
                item.put("message", error.getDefaultMessage());
                errors.add(item);
            }
            bind.getGlobalErrors().forEach(error -> errors.add(Map.of("message", String.valueOf(error.getDefaultMessage()))));
            problem.setProperty("errors", errors);
            return problem;
        }
        InvalidTextException invalidText = cause(ex, InvalidTextException.class);
        if (invalidText != null) {
            String field = jsonPath(ex);
            return ApiProblem.invalidField(field == null ? "body" : field, invalidText.reason()).getBody();
        }
        if (ex instanceof ServerWebInputException input && (hasCause(ex, DecodingException.class) || hasCause(ex, JacksonException.class))) {
            String field = jsonPath(ex);
            String detail = field == null
                    ? "The request body is not valid JSON, or a value has the wrong type."
                    : "The request body has an invalid value at '" + field + "'.";
            return ApiProblem.body(input.getStatusCode(), "malformed-request", "Malformed request", detail);
        }
        if (ex instanceof AuthenticationException) {
            return ApiProblem.body(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required.");
        }
        if (ex instanceof AccessDeniedException) {
            return ApiProblem.body(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your account is not allowed to do this.");
        }
        if (ex instanceof ErrorResponse errorResponse) {
            return frameworkProblem(errorResponse.getStatusCode(), ex);
        }
        RequestMdc.run(exchange, () -> log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex));
        return ApiProblem.body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "An unexpected error occurred. Quote the correlation id when reporting it.");
    }

    /** Framework errors carry internal wording; answer with a fixed, stable text per status. */
    private static ProblemDetail frameworkProblem(HttpStatusCode status, Throwable ex) {
        int code = status.value();
        return switch (code) {
            case 400 -> ApiProblem.body(status, "bad-request", "Bad request",
                    ex instanceof ServerWebInputException in && in.getReason() != null && in.getMethodParameter() != null
                            ? "Parameter '" + in.getMethodParameter().getParameterName() + "' is missing or has the wrong type."
                            : "The request is not valid.");
            case 404 -> ApiProblem.body(status, "not-found", "Not found", "No resource exists at this path.");
            case 405 -> ApiProblem.body(status, "method-not-allowed", "Method not allowed",
                    "This path does not accept that HTTP method.");
            case 406 -> ApiProblem.body(status, "not-acceptable", "Not acceptable",
                    "This resource cannot be represented in the requested media type.");
            case 413 -> ApiProblem.body(status, "payload-too-large", "Request body too large",
                    "The request body is larger than this endpoint accepts.");
            case 415 -> ApiProblem.body(status, "unsupported-media-type", "Unsupported media type",
                    "Send the request body as application/json.");
            default -> ApiProblem.body(status, code >= 500 ? "internal" : "bad-request",
                    HttpStatus.resolve(code) != null ? HttpStatus.resolve(code).getReasonPhrase() : "Error",
                    code >= 500 ? "An unexpected error occurred." : "The request could not be processed.");
        };
    }

    private static String jsonPath(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                databind.getPath().forEach(ref -> {
                    if (ref.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                });
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    /**
     * A data store that does not answer (MongoDB, or the portal's Redis sessions): Spring's translation of a driver's
     * timeout or refused connection, or the driver's own exception where nothing translated it (Lettuce's, from the
     * reactive session store). By name, as no application has every driver on its classpath.
     */
    protected static boolean isStoreOutage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (STORE_OUTAGES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        return cause(ex, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
