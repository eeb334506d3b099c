package hk.esgone.badge.verify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/** Reading the fields of a credential's JSON the way both the credential and its status lists need it. */
final class CredentialJson {

    private CredentialJson() {
    }

    /** The issuer's id: the {@code issuer} string, or the {@code id} of an issuer object. */
    static String issuer(JsonNode vc) {
        return vc.path("issuer").isString() ? vc.path("issuer").stringValue() : vc.path("issuer").path("id").stringValue(null);
    }

    /** Whether {@code types} (a string or an array of strings) names {@code type}. */
    static boolean contains(JsonNode types, String type) {
        if (types.isString()) {
            return types.stringValue().equals(type);
        }
        if (types.isArray()) {
            for (JsonNode t : types) {
                if (t.isString() && t.stringValue().equals(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A date-time field; null when absent and not {@code required}. */
    static Instant instant(JsonNode vc, String field, boolean required) throws Jws.Failure {
        JsonNode value = vc.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Jws.Failure("CREDENTIAL", "The credential has no " + field + ".");
            }
            return null;
        }
        try {
            return Instant.parse(value.stringValue(""));
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.stringValue("")).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Jws.Failure("CREDENTIAL", "The credential's " + field + " is not a date-time.");
            }
        }
    }
}
