package hk.esgone.web.workspace.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import tools.jackson.databind.JsonNode;

/**
 * Reading the company forms (register, profile): each field cleaned, a value longer than its field allows named
 * rather than cut, and directory-service's field errors put beside the form's own fields. Errors are keyed by the
 * form's field ({@code name}, {@code industry}, {@code cert2}, …) with a message key as value.
 */
final class FormFields {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{1,40}$");

    private FormFields() {
    }

    /** One line of text; {@code long} is noted against {@code field} when it is longer than {@code max}. */
    static String text(MultiValueMap<String, String> form, String name, int max, String field, Map<String, String> errors) {
        String raw = form.getFirst(name);
        if (raw != null && raw.codePointCount(0, raw.length()) > max) {
            errors.putIfAbsent(field, "long");
        }
        return FormText.clean(raw, max);
    }

    /** A text of several lines (a description). */
    static String lines(MultiValueMap<String, String> form, String name, int max, String field, Map<String, String> errors) {
        String raw = form.getFirst(name);
        if (raw != null && raw.codePointCount(0, raw.length()) > max) {
            errors.putIfAbsent(field, "long");
        }
        return FormText.cleanLines(raw, max);
    }

    /** A taxonomy code as a select or checkbox sends it; anything else is no choice. */
    static String code(String raw) {
        return raw != null && CODE.matcher(raw).matches() ? raw : null;
    }

    /** Errors in the order the form shows its fields, for the list above the form. */
    static Map<String, String> inOrder(Map<String, String> errors, List<String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        fields.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /**
     * directory-service's field errors ({@code errors[].field}, as {@code contact.email} or {@code certifications[2].number})
     * as the form's fields, by {@code formField}; the message key is the form field unless {@code formField} says
     * otherwise. A refusal naming no field is {@code other}.
     */
    static Map<String, String> refusal(ServiceFailure refused, Function<String, String> formField) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : refused.problem().path("errors")) {
            String field = formField.apply(error.path("field").asString(""));
            errors.putIfAbsent(field, field.replaceAll("[0-9]+$", ""));
        }
        if (errors.isEmpty()) {
            errors.put("other", "other");
        }
        return errors;
    }
}
