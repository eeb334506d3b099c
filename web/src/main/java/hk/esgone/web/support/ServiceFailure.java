package hk.esgone.web.support;

import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A service call whose answer a page cannot show: the service's status and its problem details (RFC 9457), so
 * that a form can put each field's message beside the field and the error page can say what happened. Failures
 * of the service itself (down, timed out, 5xx) are {@link #unavailable}: the person gets "try again".
 */
public class ServiceFailure extends RuntimeException {

    private final HttpStatus status;
    private final transient JsonNode problem;
    private final String etag;

    public ServiceFailure(HttpStatus status, JsonNode problem, String etag) {
        super(status.value() + " " + (problem == null ? "" : problem.path("type").asString("")), null, false, false);
        this.status = status;
        this.problem = problem == null ? NullNode.getInstance() : problem;
        this.etag = etag;
    }

    public static ServiceFailure unavailable() {
        return new ServiceFailure(HttpStatus.SERVICE_UNAVAILABLE, NullNode.getInstance(), null);
    }

    public HttpStatus status() {
        return status;
    }

    /** The service's problem body, or a null node when it sent none. */
    public JsonNode problem() {
        return problem;
    }

    /** The problem's type without the common prefix: {@code not-found}, {@code validation-failed}, … */
    public String problemType() {
        String type = problem.path("type").asString("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String etag() {
        return etag;
    }

    /** The service is down, timed out or failed: nothing the person did wrong. */
    public boolean serviceDown() {
        return status.is5xxServerError();
    }
}
