package hk.esgone.directory.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/** Collects what is wrong with a request, field by field, into one problem with an {@code errors} list. */
public final class FieldErrors {

    private final List<Map<String, Object>> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        errors.add(error);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    public ApiProblem toProblem(String kind, String title, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, kind, title, detail, Map.of("errors", List.copyOf(errors)));
    }

    /** A 400 {@code validation} problem when anything was collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw toProblem("validation", "Invalid request", "One or more fields are invalid.");
        }
    }
}
