package hk.esgone.web.support;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** Reading the services' JSON leniently: a value that is missing or malformed reads as nothing, never as an error page. */
public final class ServiceJson {

    private ServiceJson() {
    }

    /** An ISO-8601 instant, or null when the value is missing, not a string or not an instant. */
    public static Instant instant(JsonNode value) {
        try {
            return value != null && value.isString() ? Instant.parse(value.asString()) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** An ISO-8601 instant, or null when the text is missing, empty or not an instant. */
    public static Instant instant(String text) {
        try {
            return text == null || text.isEmpty() ? null : Instant.parse(text);
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
