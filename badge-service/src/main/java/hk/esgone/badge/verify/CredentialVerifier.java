package hk.esgone.badge.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;

import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.status.Bitstring;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Verifies a credential from scratch, trusting nothing but the issuer's published keys: the JWT's algorithm and
 * key, the signature, the issuer, the credential's shape and dates, and its revocation and suspension status read
 * from the signed status lists (fetched, their own signature, issuer, id and purpose checked). It fails closed:
 * whatever cannot be established makes the answer "not valid", with the reason.
 */
public final class CredentialVerifier {

    /** The verdict on a posted credential. */
    public record Verdict(boolean valid, VerificationStatus status, Instant checkedAt, List<Check> checks,
                          List<String> reasons, Summary credential) {
    }

    /** What a verified credential says (only shown once its signature is verified). */
    public record Summary(String id, String issuer, String name, String holderCompanyId, String holderBrNumber,
                          String holderUscc, String achievementId, String achievementName, String achievementType,
                          Instant validFrom, Instant validUntil, String kid) {
    }

    private record StatusOutcome(Check check, boolean set, boolean error) {
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_STATUS_LIST_JWT = 512 * 1024;
    private static final int MAX_BITSTRING_BYTES = 2 * 1024 * 1024;

    private final String issuerId;
    private final PublishedDocuments published;
    private final int maxJwtBytes;
    private final Clock clock;

    public CredentialVerifier(String issuerId, PublishedDocuments published, int maxJwtBytes, Clock clock) {
        this.issuerId = issuerId;
        this.published = published;
        this.maxJwtBytes = maxJwtBytes;
        this.clock = clock;
    }

    /** A verdict for something that is not a JWT at all (an unsecured JSON credential, for example). */
    public Verdict notVerifiable(String check, String reason) {
        List<Check> checks = List.of(Check.failed(check, reason));
        return new Verdict(false, VerificationStatus.INVALID, clock.instant(), checks, List.of(reason), null);
    }

    public Mono<Verdict> verify(String token) {
        Instant now = clock.instant();
        List<Check> checks = new ArrayList<>();
        Jws jws;
        try {
            jws = Jws.parse(token == null ? null : token.strip(), maxJwtBytes);
            checks.add(Check.passed("FORMAT", "A compact JWT."));
            checks.add(Check.passed("ALGORITHM", jws.alg + " is an accepted algorithm."));
        } catch (Jws.Failure f) {
            return Mono.just(fail(checks, f, now, null));
        }
        if (jws.kid == null || jws.kid.isBlank()) {
            return Mono.just(fail(checks, new Jws.Failure("KEY", "The JWT header names no key (kid)."), now, null));
        }
        return published.key(jws.kid)
                .map(key -> verifySigned(jws, key, checks, now))
                .switchIfEmpty(Mono.fromSupplier(() -> new Partial(fail(checks, new Jws.Failure("KEY", "Key \"" + Jws.shorten(jws.kid)
                        + "\" is not published by ESG One (" + published.publicBase() + "/.well-known/jwks.json)."), now, null),
                        null, checks, null, false, false)))
                .flatMap(partial -> partial.verdict != null ? Mono.just(partial.verdict) : checkStatus(partial, now))
                .onErrorResume(PublishedDocuments.FetchFailure.class, e -> Mono.just(fail(checks,
                        new Jws.Failure("KEY", "The issuer's public keys could not be fetched: " + e.getMessage() + "."), now, null)));
    }

    /** Carries a credential whose signature is verified, or the final verdict when a check failed. */
    private record Partial(Verdict verdict, Jws jws, List<Check> checks, Summary summary, boolean expired, boolean notYetValid) {
    }

    private Partial verifySigned(Jws jws, JWK key, List<Check> checks, Instant now) {
        try {
            jws.verifyWith(key);
            checks.add(Check.passed("KEY", "Key \"" + jws.kid + "\" is published by ESG One."));
            checks.add(Check.passed("SIGNATURE", "The signature matches: the credential is unaltered since ESG One signed it."));
        } catch (Jws.Failure f) {
            return new Partial(fail(checks, f, now, null), null, checks, null, false, false);
        }
        JsonNode vc = jws.payload;
        String issuer = vc.path("issuer").isString() ? vc.path("issuer").stringValue() : vc.path("issuer").path("id").stringValue(null);
        if (!issuerId.equals(issuer)) {
            return new Partial(fail(checks, new Jws.Failure("ISSUER", "The credential names the issuer \"" + Jws.shorten(issuer)
                    + "\", not ESG One (" + issuerId + ")."), now, null), null, checks, null, false, false);
        }
        if (vc.has("iss") && !issuerId.equals(vc.path("iss").stringValue(null))) {
            return new Partial(fail(checks, new Jws.Failure("ISSUER", "The JWT 'iss' claim contradicts the credential's issuer."), now, null),
                    null, checks, null, false, false);
        }
        checks.add(Check.passed("ISSUER", "Issued by ESG One (" + issuerId + ")."));
        Summary summary;
        Instant validFrom;
        Instant validUntil;
        try {
            if (!contains(vc.path("type"), "VerifiableCredential") || !contains(vc.path("type"), "OpenBadgeCredential")) {
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
            validFrom = instant(vc, "validFrom", true);
            validUntil = instant(vc, "validUntil", false);
            if (vc.has("exp") && validUntil != null && vc.path("exp").asLong() != validUntil.getEpochSecond()) {
                throw new Jws.Failure("CREDENTIAL", "The JWT 'exp' claim contradicts validUntil.");
            }
            if (vc.has("nbf") && vc.path("nbf").asLong() != validFrom.getEpochSecond()) {
                throw new Jws.Failure("CREDENTIAL", "The JWT 'nbf' claim contradicts validFrom.");
            }
            if (vc.has("jti") && !vc.path("jti").stringValue("").equals(vc.path("id").stringValue(""))) {
                throw new Jws.Failure("CREDENTIAL", "The JWT 'jti' claim contradicts the credential id.");
            }
            summary = new Summary(vc.path("id").stringValue(null), issuer, vc.path("name").stringValue(null),
                    identifier(subject, CredentialFormat.ID_TYPE_COMPANY), identifier(subject, CredentialFormat.ID_TYPE_BR),
                    identifier(subject, CredentialFormat.ID_TYPE_USCC), achievement.path("id").stringValue(null),
                    achievement.path("name").stringValue(null), achievement.path("achievementType").stringValue(null),
                    validFrom, validUntil, jws.kid);
            checks.add(Check.passed("CREDENTIAL", "An Open Badges 3.0 credential (W3C VC 2.0)."));
        } catch (Jws.Failure f) {
            return new Partial(fail(checks, f, now, null), null, checks, null, false, false);
        }
        boolean notYetValid = validFrom.isAfter(now.plus(CLOCK_SKEW));
        boolean expired = validUntil != null && !now.isBefore(validUntil);
        if (notYetValid) {
            checks.add(Check.failed("VALIDITY_PERIOD", "Not valid before " + validFrom + "."));
        } else if (expired) {
            checks.add(Check.failed("VALIDITY_PERIOD", "Expired on " + validUntil + "."));
        } else {
            checks.add(Check.passed("VALIDITY_PERIOD", "Valid from " + validFrom + (validUntil == null ? "" : " until " + validUntil) + "."));
        }
        return new Partial(null, jws, checks, summary, expired, notYetValid);
    }

    private Mono<Verdict> checkStatus(Partial partial, Instant now) {
        JsonNode status = partial.jws().payload.path("credentialStatus");
        List<JsonNode> entries = new ArrayList<>();
        if (status.isObject()) {
            entries.add(status);
        } else if (status.isArray()) {
            status.forEach(entries::add);
        }
        JsonNode revocation = null;
        JsonNode suspension = null;
        for (JsonNode entry : entries) {
            String purpose = entry.path("statusPurpose").stringValue("");
            if (!"BitstringStatusListEntry".equals(entry.path("type").stringValue(null))) {
                return Mono.just(finish(partial, List.of(new StatusOutcome(Check.failed("REVOCATION",
                        "The credential uses a status mechanism this verifier does not know (" + Jws.shorten(entry.path("type").asString("")) + ")."),
                        false, true)), now));
            }
            if (purpose.equals(CredentialFormat.PURPOSE_REVOCATION) && revocation == null) {
                revocation = entry;
            } else if (purpose.equals(CredentialFormat.PURPOSE_SUSPENSION) && suspension == null) {
                suspension = entry;
            } else {
                return Mono.just(finish(partial, List.of(new StatusOutcome(Check.failed("REVOCATION",
                        "The credential has a status entry of unsupported or repeated purpose \"" + Jws.shorten(purpose) + "\"."),
                        false, true)), now));
            }
        }
        if (revocation == null) {
            return Mono.just(finish(partial, List.of(new StatusOutcome(Check.failed("REVOCATION",
                    "The credential carries no revocation status, so it cannot be shown to be unrevoked."), false, true)), now));
        }
        Mono<StatusOutcome> revoked = statusBit(revocation, "REVOCATION", now);
        Mono<StatusOutcome> suspended = suspension == null
                ? Mono.just(new StatusOutcome(Check.skipped("SUSPENSION", "The credential has no suspension status."), false, false))
                : statusBit(suspension, "SUSPENSION", now);
        return Mono.zip(revoked, suspended).map(both -> finish(partial, List.of(both.getT1(), both.getT2()), now));
    }

    private Mono<StatusOutcome> statusBit(JsonNode entry, String check, Instant now) {
        String purpose = entry.path("statusPurpose").stringValue("");
        String listUrl = entry.path("statusListCredential").stringValue(null);
        String indexText = entry.path("statusListIndex").isNumber() ? entry.path("statusListIndex").asString()
                : entry.path("statusListIndex").stringValue(null);
        if (listUrl == null || indexText == null || !indexText.matches("^[0-9]{1,10}$")) {
            return Mono.just(new StatusOutcome(Check.failed(check, "The " + purpose + " status entry is malformed (list or index)."), false, true));
        }
        long index = Long.parseLong(indexText);
        if (entry.has("statusSize") && entry.path("statusSize").asInt(-1) != 1) {
            return Mono.just(new StatusOutcome(Check.failed(check, "Status entries wider than one bit are not supported."), false, true));
        }
        return published.statusList(listUrl)
                .flatMap(body -> {
                    Jws list;
                    try {
                        list = Jws.parse(body.strip(), MAX_STATUS_LIST_JWT);
                    } catch (Jws.Failure f) {
                        return Mono.just(untrusted(check, purpose, f));
                    }
                    if (list.kid == null) {
                        return Mono.just(untrusted(check, purpose, new Jws.Failure(check, "the list names no signing key")));
                    }
                    return published.key(list.kid)
                            .map(key -> readBit(list, key, listUrl, purpose, index, check, now))
                            .defaultIfEmpty(untrusted(check, purpose, new Jws.Failure(check, "the list is signed with a key ESG One does not publish")));
                })
                .onErrorResume(PublishedDocuments.FetchFailure.class, e -> Mono.just(new StatusOutcome(Check.failed(check,
                        "The " + purpose + " status list could not be fetched: " + e.getMessage() + "."), false, true)));
    }

    private static StatusOutcome untrusted(String check, String purpose, Jws.Failure f) {
        return new StatusOutcome(Check.failed(check, "The " + purpose + " status list cannot be trusted: " + message(f) + "."), false, true);
    }

    private StatusOutcome readBit(Jws list, JWK key, String listUrl, String purpose, long index, String check, Instant now) {
        try {
            list.verifyWith(key);
            JsonNode vc = list.payload;
            String issuer = vc.path("issuer").isString() ? vc.path("issuer").stringValue() : vc.path("issuer").path("id").stringValue(null);
            if (!contains(vc.path("type"), "BitstringStatusListCredential") || !issuerId.equals(issuer)) {
                throw new Jws.Failure(check, "the document is not an ESG One Bitstring Status List credential");
            }
            if (!listUrl.equals(vc.path("id").stringValue(null))) {
                throw new Jws.Failure(check, "the list served is not the one the credential refers to");
            }
            JsonNode subject = vc.path("credentialSubject");
            if (!purpose.equals(subject.path("statusPurpose").stringValue(null))) {
                throw new Jws.Failure(check, "the list's purpose is not " + purpose);
            }
            Instant listUntil = instant(vc, "validUntil", false);
            if (listUntil != null && !now.isBefore(listUntil)) {
                throw new Jws.Failure(check, "the list expired on " + listUntil + " (a stale copy)");
            }
            Bitstring bits = Bitstring.decode(subject.path("encodedList").stringValue(null), MAX_BITSTRING_BYTES);
            if (index >= bits.size()) {
                throw new Jws.Failure(check, "status index " + index + " is out of range (the list has " + bits.size() + " entries)");
            }
            boolean set = bits.get((int) index);
            String detail = set
                    ? (purpose.equals(CredentialFormat.PURPOSE_REVOCATION) ? "Revoked by the issuer." : "Suspended by the issuer.")
                    : (purpose.equals(CredentialFormat.PURPOSE_REVOCATION) ? "Not revoked" : "Not suspended")
                    + " (signed status list checked at " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ").";
            return new StatusOutcome(set ? Check.failed(check, detail) : Check.passed(check, detail), set, false);
        } catch (Jws.Failure f) {
            return untrusted(check, purpose, f);
        } catch (IllegalArgumentException e) {
            return new StatusOutcome(Check.failed(check, "The " + purpose + " status list cannot be read: " + e.getMessage() + "."), false, true);
        }
    }

    private static String message(Jws.Failure f) {
        String m = f.getMessage();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }

    private Verdict finish(Partial partial, List<StatusOutcome> statuses, Instant now) {
        List<Check> checks = new ArrayList<>(partial.checks());
        statuses.forEach(s -> checks.add(s.check()));
        boolean error = statuses.stream().anyMatch(StatusOutcome::error);
        boolean revoked = statuses.stream().anyMatch(s -> s.set() && s.check().check().equals("REVOCATION"));
        boolean suspended = statuses.stream().anyMatch(s -> s.set() && s.check().check().equals("SUSPENSION"));
        VerificationStatus status;
        if (error || partial.notYetValid()) {
            status = VerificationStatus.INVALID;
        } else if (revoked) {
            status = VerificationStatus.REVOKED;
        } else if (partial.expired()) {
            status = VerificationStatus.EXPIRED;
        } else if (suspended) {
            status = VerificationStatus.SUSPENDED;
        } else {
            status = VerificationStatus.VALID;
        }
        List<String> reasons = checks.stream().filter(Check::failed).map(Check::detail).toList();
        return new Verdict(status == VerificationStatus.VALID, status, now, checks, reasons, partial.summary());
    }

    private static Verdict fail(List<Check> checks, Jws.Failure failure, Instant now, Summary summary) {
        List<Check> all = new ArrayList<>(checks);
        all.add(Check.failed(failure.check, failure.getMessage()));
        List<String> order = List.of("FORMAT", "ALGORITHM", "KEY", "SIGNATURE", "ISSUER", "CREDENTIAL", "VALIDITY_PERIOD",
                "REVOCATION", "SUSPENSION");
        int failedAt = order.indexOf(failure.check);
        for (String later : order.subList(Math.max(failedAt + 1, 0), order.size())) {
            if (all.stream().noneMatch(c -> c.check().equals(later))) {
                all.add(Check.skipped(later, "Not checked: an earlier check failed."));
            }
        }
        return new Verdict(false, VerificationStatus.INVALID, now, all, List.of(failure.getMessage()), summary);
    }

    private static boolean contains(JsonNode types, String type) {
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

    private static String identifier(JsonNode subject, String type) {
        for (JsonNode id : subject.path("identifier")) {
            if (type.equals(id.path("identityType").stringValue(null)) && !id.path("hashed").asBoolean(false)) {
                return id.path("identityHash").stringValue(null);
            }
        }
        return null;
    }

    private static Instant instant(JsonNode vc, String field, boolean required) throws Jws.Failure {
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
                return java.time.OffsetDateTime.parse(value.stringValue("")).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Jws.Failure("CREDENTIAL", "The credential's " + field + " is not a date-time.");
            }
        }
    }
}
