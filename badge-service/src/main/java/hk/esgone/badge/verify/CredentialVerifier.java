package hk.esgone.badge.verify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Verifies a credential from scratch, trusting nothing but the issuer's published keys: the JWT's algorithm and
 * key, then the signature, issuer, shape and dates ({@link SignatureChecks}), then its revocation and suspension
 * status read from the signed status lists ({@link StatusListChecks}). It fails closed: whatever cannot be
 * established makes the answer "not valid", with the reason.
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

    /** The checks in the order they run; after a failure, the later ones are reported as not checked. */
    private static final List<String> ORDER = List.of("FORMAT", "ALGORITHM", "KEY", "SIGNATURE", "ISSUER", "CREDENTIAL",
            "VALIDITY_PERIOD", "REVOCATION", "SUSPENSION");

    private final PublishedDocuments published;
    private final SignatureChecks signature;
    private final StatusListChecks statusLists;
    private final int maxJwtBytes;
    private final Clock clock;

    public CredentialVerifier(String issuerId, PublishedDocuments published, int maxJwtBytes, Clock clock) {
        this.published = published;
        this.signature = new SignatureChecks(issuerId);
        this.statusLists = new StatusListChecks(issuerId, published);
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
            return Mono.just(fail(checks, f, now));
        }
        if (jws.kid == null || jws.kid.isBlank()) {
            return Mono.just(fail(checks, new Jws.Failure("KEY", "The JWT header names no key (kid)."), now));
        }
        return published.key(jws.kid)
                .flatMap(key -> {
                    SignatureChecks.Verified verified;
                    try {
                        verified = signature.check(jws, key, checks, now);
                    } catch (Jws.Failure f) {
                        return Mono.just(fail(checks, f, now));
                    }
                    return statusLists.check(jws.payload, now).map(statuses -> finish(checks, verified, statuses, now));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> fail(checks, new Jws.Failure("KEY", "Key \"" + Jws.shorten(jws.kid)
                        + "\" is not published by ESG One (" + published.publicBase() + "/.well-known/jwks.json)."), now)))
                .onErrorResume(PublishedDocuments.FetchFailure.class, e -> Mono.just(fail(checks,
                        new Jws.Failure("KEY", "The issuer's public keys could not be fetched: " + e.getMessage() + "."), now)));
    }

    private static Verdict finish(List<Check> verifiedChecks, SignatureChecks.Verified verified,
                                  List<StatusListChecks.StatusOutcome> statuses, Instant now) {
        List<Check> checks = new ArrayList<>(verifiedChecks);
        statuses.forEach(s -> checks.add(s.check()));
        boolean error = statuses.stream().anyMatch(StatusListChecks.StatusOutcome::error);
        boolean revoked = statuses.stream().anyMatch(s -> s.set() && s.check().check().equals("REVOCATION"));
        boolean suspended = statuses.stream().anyMatch(s -> s.set() && s.check().check().equals("SUSPENSION"));
        VerificationStatus status;
        if (error || verified.notYetValid()) {
            status = VerificationStatus.INVALID;
        } else if (revoked) {
            status = VerificationStatus.REVOKED;
        } else if (verified.expired()) {
            status = VerificationStatus.EXPIRED;
        } else if (suspended) {
            status = VerificationStatus.SUSPENDED;
        } else {
            status = VerificationStatus.VALID;
        }
        List<String> reasons = checks.stream().filter(Check::failed).map(Check::detail).toList();
        return new Verdict(status == VerificationStatus.VALID, status, now, checks, reasons, verified.summary());
    }

    private static Verdict fail(List<Check> checks, Jws.Failure failure, Instant now) {
        List<Check> all = new ArrayList<>(checks);
        all.add(Check.failed(failure.check, failure.getMessage()));
        int failedAt = ORDER.indexOf(failure.check);
        for (String later : ORDER.subList(Math.max(failedAt + 1, 0), ORDER.size())) {
            if (all.stream().noneMatch(c -> c.check().equals(later))) {
                all.add(Check.skipped(later, "Not checked: an earlier check failed."));
            }
        }
        return new Verdict(false, VerificationStatus.INVALID, now, all, List.of(failure.getMessage()), null);
    }
}
