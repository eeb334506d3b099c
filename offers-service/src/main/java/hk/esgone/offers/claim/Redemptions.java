package hk.esgone.offers.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.offers.claim.store.ClaimStore;
import hk.esgone.offers.codes.CodeCsv;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A partner confirms that codes of its offers were redeemed: one by one, or a whole CSV checked first. */
@Service
public class Redemptions {

    private final OfferStore offers;
    private final ClaimStore claims;
    private final Clock clock;

    Redemptions(OfferStore offers, ClaimStore claims, Clock clock) {
        this.offers = offers;
        this.claims = claims;
        this.clock = clock;
    }

    /** Confirms that a code was redeemed, on an offer of the partner. */
    public Mono<ClaimDocument> redeem(String offerId, String partnerId, String code, String subject) {
        Instant now = clock.instant();
        return ownedOffer(offerId, partnerId)
                .then(byCode(offerId, code))
                .flatMap(claim -> claims.markRedeemed(claim.id(), now, subject)
                        .flatMap(redeemed -> claims.byId(claim.id())
                                .flatMap(after -> redeemed ? Mono.just(after)
                                        : Mono.error(ClaimProblems.notRedeemable(after.effectiveStatus(clock.instant()))))));
    }

    /**
     * Redeems every code of a CSV. Every line is checked first: a code that no claim of this offer holds
     * rejects the whole file (422, by line) and nothing is changed. Then each code is redeemed; codes already
     * redeemed are reported as such, so uploading the same file twice is harmless.
     */
    public Mono<Map<String, Object>> redeemAll(String offerId, String partnerId, List<CodeCsv.Row> rows, String subject) {
        return Flux.fromIterable(rows)
                .concatMap(row -> byCode(offerId, row.code()).map(c -> Map.entry(row, Optional.of(c)))
                        .onErrorResume(ApiProblem.class, e -> Mono.just(Map.entry(row, Optional.<ClaimDocument>empty()))))
                .collectList()
                .flatMap(found -> {
                    List<Map<String, Object>> errors = found.stream().filter(e -> e.getValue().isEmpty())
                            .<Map<String, Object>>map(e -> CodeCsv.error(e.getKey().line(), "unknown-code", "No claim of this offer holds this code.")).toList();
                    if (!errors.isEmpty()) {
                        return Mono.error(CodeCsv.invalid("Some codes are unknown; nothing was redeemed.", errors));
                    }
                    return Flux.fromIterable(found)
                            .concatMap(e -> redeem(offerId, partnerId, e.getValue().orElseThrow().code(), subject)
                                    .map(c -> result(e.getKey(), "REDEEMED"))
                                    .onErrorResume(ApiProblem.class, p -> Mono.just(result(e.getKey(), outcome(p)))))
                            .collectList()
                            .map(results -> summary(offerId, results));
                });
    }

    /** The claim holding this code on this offer (exact, or as typed in upper case). */
    public Mono<ClaimDocument> byCode(String offerId, String code) {
        Mono<ClaimDocument> exact = claims.byCodeKey(ClaimDocument.codeKey(offerId, code));
        String upper = code.toUpperCase(Locale.ROOT);
        Mono<ClaimDocument> either = upper.equals(code) ? exact
                : exact.switchIfEmpty(Mono.defer(() -> claims.byCodeKey(ClaimDocument.codeKey(offerId, upper))));
        return either.switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "code-not-found",
                "Code not found", "No claim on this offer holds this code.")));
    }

    /** The partner's own offer, else 404 (another partner's offer is not shown to exist). */
    public Mono<OfferDocument> ownedOffer(String offerId, String partnerId) {
        if (!Ids.OFFER.isValid(offerId)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(offerId)));
        }
        return offers.findOwned(offerId, partnerId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", offerId)));
    }

    private static String outcome(ApiProblem problem) {
        return switch (problem.kind()) {
            case "already-redeemed" -> "ALREADY_REDEEMED";
            case "claim-cancelled" -> "CANCELLED";
            case "claim-expired" -> "EXPIRED";
            default -> "NOT_REDEEMED";
        };
    }

    private static Map<String, Object> result(CodeCsv.Row row, String outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", row.line());
        m.put("code", row.code());
        m.put("result", outcome);
        return m;
    }

    private static Map<String, Object> summary(String offerId, List<Map<String, Object>> results) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : List.of("REDEEMED", "ALREADY_REDEEMED", "CANCELLED", "EXPIRED", "NOT_REDEEMED")) {
            counts.put(k, results.stream().filter(r -> k.equals(r.get("result"))).count());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offerId", offerId);
        m.put("counts", counts);
        m.put("results", results);
        return m;
    }
}
