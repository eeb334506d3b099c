package hk.esgone.offers.eligibility;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.upstream.UpstreamClients;
import hk.esgone.offers.upstream.UpstreamUnavailableException;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Eligibility at claim time, against the live answers of badge-service and directory-service. It never
 * grants on doubt: when a needed answer cannot be had, the claim is refused with 503 and Retry-After.
 */
@Component
public class EligibilityChecker {

    private final UpstreamClients upstreams;
    private final Clock clock;
    private final long retryAfterSeconds;

    public EligibilityChecker(UpstreamClients upstreams, Clock clock, OffersProperties properties) {
        this.upstreams = upstreams;
        this.clock = clock;
        this.retryAfterSeconds = Math.max(1, properties.upstream().retryAfter().toSeconds());
    }

    /** Completes when the company may claim; otherwise a 403 {@code not-eligible} or 503 {@code eligibility-unavailable}. */
    public Mono<Void> requireEligible(EligibilityRule rule, String companyId) {
        if (!rule.needsBadges() && !rule.needsIndustry()) {
            return Mono.empty();
        }
        Mono<Optional<hk.esgone.offers.upstream.CompanyBadges>> holdings = rule.needsBadges()
                ? upstreams.holdings(companyId).map(Optional::of)
                : Mono.just(Optional.empty());
        Mono<Optional<Optional<hk.esgone.offers.upstream.CompanyProfile>>> profile = rule.needsIndustry()
                ? upstreams.profile(companyId).map(Optional::of)
                : Mono.just(Optional.empty());
        return Mono.zip(holdings, profile)
                .onErrorMap(UpstreamUnavailableException.class, e -> ApiProblem.unavailable("eligibility-unavailable",
                        "Eligibility for this offer cannot be checked right now (" + e.service() + " is not answering). "
                                + "Nothing was claimed; retry later.", retryAfterSeconds))
                .flatMap(t -> {
                    List<String> unmet = CompanyFacts.from(t.getT1(), t.getT2(), clock.instant()).unmet(rule);
                    return unmet.isEmpty() ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "not-eligible",
                            "Not eligible", "Your company does not meet this offer's eligibility rules.", Map.of("reasons", unmet)));
                });
    }

    /**
     * Everything known about a company for the catalogue's "eligible for me" filter. Parts that cannot be
     * learnt stay unknown (so only offers without that requirement match) instead of failing the page.
     */
    public Mono<CompanyFacts> facts(String companyId) {
        return Mono.zip(
                upstreams.holdings(companyId).map(Optional::of).onErrorReturn(UpstreamUnavailableException.class, Optional.empty()),
                upstreams.profile(companyId).map(Optional::of).onErrorReturn(UpstreamUnavailableException.class, Optional.empty()))
                .map(t -> CompanyFacts.from(t.getT1(), t.getT2(), clock.instant()));
    }
}
