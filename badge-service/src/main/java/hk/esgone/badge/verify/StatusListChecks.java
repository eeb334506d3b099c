package hk.esgone.badge.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;

import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.status.Bitstring;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The revocation and suspension checks of a verified credential: its {@code credentialStatus} entries, each list
 * fetched ({@link PublishedDocuments}), its own signature, issuer, id, purpose and freshness checked, then the bit
 * read. Whatever cannot be established is an error, which makes the credential not valid.
 */
final class StatusListChecks {

    /** The outcome of one status check: whether its bit is set, or whether the status could not be established. */
    record StatusOutcome(Check check, boolean set, boolean error) {
    }

    private static final int MAX_STATUS_LIST_JWT = 512 * 1024;
    private static final int MAX_BITSTRING_BYTES = 2 * 1024 * 1024;

    private final String issuerId;
    private final PublishedDocuments published;

    StatusListChecks(String issuerId, PublishedDocuments published) {
        this.issuerId = issuerId;
        this.published = published;
    }

    /** The REVOCATION and SUSPENSION outcomes of the credential {@code vc}. */
    Mono<List<StatusOutcome>> check(JsonNode vc, Instant now) {
        JsonNode status = vc.path("credentialStatus");
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
                return Mono.just(List.of(new StatusOutcome(Check.failed("REVOCATION",
                        "The credential uses a status mechanism this verifier does not know (" + Jws.shorten(entry.path("type").asString("")) + ")."),
                        false, true)));
            }
            if (purpose.equals(CredentialFormat.PURPOSE_REVOCATION) && revocation == null) {
                revocation = entry;
            } else if (purpose.equals(CredentialFormat.PURPOSE_SUSPENSION) && suspension == null) {
                suspension = entry;
            } else {
                return Mono.just(List.of(new StatusOutcome(Check.failed("REVOCATION",
                        "The credential has a status entry of unsupported or repeated purpose \"" + Jws.shorten(purpose) + "\"."),
                        false, true)));
            }
        }
        if (revocation == null) {
            return Mono.just(List.of(new StatusOutcome(Check.failed("REVOCATION",
                    "The credential carries no revocation status, so it cannot be shown to be unrevoked."), false, true)));
        }
        Mono<StatusOutcome> revoked = statusBit(revocation, "REVOCATION", now);
        Mono<StatusOutcome> suspended = suspension == null
                ? Mono.just(new StatusOutcome(Check.skipped("SUSPENSION", "The credential has no suspension status."), false, false))
                : statusBit(suspension, "SUSPENSION", now);
        return Mono.zip(revoked, suspended).map(both -> List.of(both.getT1(), both.getT2()));
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
            if (!CredentialJson.contains(vc.path("type"), "BitstringStatusListCredential") || !issuerId.equals(CredentialJson.issuer(vc))) {
                throw new Jws.Failure(check, "the document is not an ESG One Bitstring Status List credential");
            }
            if (!listUrl.equals(vc.path("id").stringValue(null))) {
                throw new Jws.Failure(check, "the list served is not the one the credential refers to");
            }
            JsonNode subject = vc.path("credentialSubject");
            if (!purpose.equals(subject.path("statusPurpose").stringValue(null))) {
                throw new Jws.Failure(check, "the list's purpose is not " + purpose);
            }
            Instant listUntil = CredentialJson.instant(vc, "validUntil", false);
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
                    + " (signed status list checked at " + now.truncatedTo(ChronoUnit.SECONDS) + ").";
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
}
