package hk.esgone.platform.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a client can act on, rendered as RFC 9457 problem details with a stable {@code type}.
 * The detail text is shown to the caller, so it must never carry internal messages.
 */
public class ApiProblem extends ErrorResponseException {

    /** Base of every problem {@code type} URI; the last segment is the stable error kind. */
    public static final String TYPE_BASE = "https://esg-one.hk/problems/";

    public ApiProblem(HttpStatusCode status, String kind, String title, String detail) {
        super(status, body(status, kind, title, detail), null);
    }

    public ApiProblem(HttpStatusCode status, String kind, String title, String detail, Map<String, ?> properties) {
        this(status, kind, title, detail);
        properties.forEach((name, value) -> {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
            }
            getBody().setProperty(name, value);
        });
    }

    private static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance");

    public static URI type(String kind) {
        return URI.create(TYPE_BASE + kind);
    }

    public static ProblemDetail body(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    public String kind() {
        return getBody().getType().toString().substring(TYPE_BASE.length());
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                what + " '" + id + "' does not exist or is not visible to you.");
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public static ApiProblem validation(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }

    /** A 400 {@code validation} problem whose {@code errors} name one field, as bean validation's do. */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "One or more fields are invalid.",
                Map.of("errors", java.util.List.of(Map.of("field", field, "message", message))));
    }

    public static ApiProblem conflict(String kind, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, kind, "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem unprocessable(String kind, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Unprocessable request", detail);
    }

    public static ApiProblem unavailable(String kind, String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, kind, "Temporarily unavailable", detail);
        problem.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        return problem;
    }
}
