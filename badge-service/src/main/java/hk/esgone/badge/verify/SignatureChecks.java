package hk.esgone.badge.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;

import hk.esgone.badge.credential.CredentialFormat;
import tools.jackson.databind.JsonNode;

/**
 * The checks of the credential itself, once its key is found: the signature, the issuer, the shape of an Open
 * Badges 3.0 credential (W3C VC 2.0) with JWT claims that agree with it, and the validity period.
 */
final class SignatureChecks {

    /** A credential whose signature, issuer and shape are verified, with what it says and where its dates stand. */
    record Verified(CredentialVerifier.Summary summary, boolean expired, boolean notYetValid) {
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final String issuerId;

    SignatureChecks(String issuerId) {
        this.issuerId = issuerId;
    }

    /** Adds each passed check to {@code checks}; the first failure is thrown. */
    Verified check(Jws jws, JWK key, List<Check> checks, Instant now) throws Jws.Failure {
        jws.verifyWith(key);
        checks.add(Check.passed("KEY", "Key \"" + jws.kid + "\" is published by ESG One."));
        checks.add(Check.passed("SIGNATURE", "The signature matches: the credential is unaltered since ESG One signed it."));
        JsonNode vc = jws.payload;
        String issuer = CredentialJson.issuer(vc);
        if (!issuerId.equals(issuer)) {
            throw new Jws.Failure("ISSUER", "The credential names the issuer \"" + Jws.shorten(issuer) + "\", not ESG One (" + issuerId + ").");
        }
        if (vc.has("iss") && !issuerId.equals(vc.path("iss").stringValue(null))) {
            throw new Jws.Failure("ISSUER", "The JWT 'iss' claim contradicts the credential's issuer.");
        }
        checks.add(Check.passed("ISSUER", "Issued by ESG One (" + issuerId + ")."));
        if (!CredentialJson.contains(vc.path("type"), "VerifiableCredential") || !CredentialJson.contains(vc.path("type"), "OpenBadgeCredential")) {
            throw new Jws.Failure("CREDENTIAL", "This is not an Open Badges credential (type OpenBadgeCredential).");
        }
        if (!vc.path("@context").isArray() || !CredentialFormat.VC_V2_CONTEXT.equals(vc.path("@context").path(0).stringValue(null))) {
            throw new Jws.Failure("CREDENTIAL", "The credential does not use the W3C Verifiable Credentials 2.0 context.");
        }
        JsonNode subject = vc.path("credentialSubject");
        JsonNode achievement = subject.path("achievement");
        if (!subject.isObject() || !achievement.isObject()) {
            throw new Jws.Failure("CREDENTIAL", "The credential has no achievement subject.");
        }
        Instant validFrom = CredentialJson.instant(vc, "validFrom", true);
        Instant validUntil = CredentialJson.instant(vc, "validUntil", false);
        if (vc.has("exp") && validUntil != null && vc.path("exp").asLong() != validUntil.getEpochSecond()) {
            throw new Jws.Failure("CREDENTIAL", "The JWT 'exp' claim contradicts validUntil.");
        }
        if (vc.has("nbf") && vc.path("nbf").asLong() != validFrom.getEpochSecond()) {
            throw new Jws.Failure("CREDENTIAL", "The JWT 'nbf' claim contradicts validFrom.");
        }
        if (vc.has("jti") && !vc.path("jti").stringValue("").equals(vc.path("id").stringValue(""))) {
            throw new Jws.Failure("CREDENTIAL", "The JWT 'jti' claim contradicts the credential id.");
        }
        var summary = new CredentialVerifier.Summary(vc.path("id").stringValue(null), issuer, vc.path("name").stringValue(null),
                identifier(subject, CredentialFormat.ID_TYPE_COMPANY), identifier(subject, CredentialFormat.ID_TYPE_BR),
                identifier(subject, CredentialFormat.ID_TYPE_USCC), achievement.path("id").stringValue(null),
                achievement.path("name").stringValue(null), achievement.path("achievementType").stringValue(null),
                validFrom, validUntil, jws.kid);
        checks.add(Check.passed("CREDENTIAL", "An Open Badges 3.0 credential (W3C VC 2.0)."));
        boolean notYetValid = validFrom.isAfter(now.plus(CLOCK_SKEW));
        boolean expired = validUntil != null && !now.isBefore(validUntil);
        if (notYetValid) {
            checks.add(Check.failed("VALIDITY_PERIOD", "Not valid before " + validFrom + "."));
        } else if (expired) {
            checks.add(Check.failed("VALIDITY_PERIOD", "Expired on " + validUntil + "."));
        } else {
            checks.add(Check.passed("VALIDITY_PERIOD", "Valid from " + validFrom + (validUntil == null ? "" : " until " + validUntil) + "."));
        }
        return new Verified(summary, expired, notYetValid);
    }

    private static String identifier(JsonNode subject, String type) {
        for (JsonNode id : subject.path("identifier")) {
            if (type.equals(id.path("identityType").stringValue(null)) && !id.path("hashed").asBoolean(false)) {
                return id.path("identityHash").stringValue(null);
            }
        }
        return null;
    }
}
