package hk.esgone.web.report;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.company.CompanyProfiles;
import hk.esgone.web.config.WebProperties;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Scorecards for the shareable page and the PDF, from assessment-service: a shared one anonymously
 * ({@code GET /api/v1/assessments/shared/{id}}), the company's own with the person's token
 * ({@code GET /api/v1/assessments/{id}/report}; another company's id is the service's 404). The company's names come
 * from its public directory profile, the badge to point at from badge-service's public holdings. assessment-service
 * decides who may read what; the portal asks nothing it could not.
 */
@Service
public class ScorecardReports {

    /** Assessment ids as assessment-service makes them; anything else is "not found" without asking it. */
    private static final Pattern ASSESSMENT_ID = Pattern.compile("asm-[a-z0-9][a-z0-9-]{2,80}");

    private final ServiceApi api;
    private final CompanyProfiles profiles;
    private final WebProperties web;

    public ScorecardReports(ServiceApi api, CompanyProfiles profiles, WebProperties web) {
        this.api = api;
        this.profiles = profiles;
        this.web = web;
    }

    /** Whether the company shows the scorecard publicly, and where. */
    public record Sharing(String assessmentId, boolean submitted, boolean shared, String publicUrl) {
    }

    public static boolean isAssessmentId(String id) {
        return id != null && ASSESSMENT_ID.matcher(id).matches();
    }

    /** A scorecard its company shares, for anyone; not shared, a draft or unknown: 404. */
    public Mono<ScorecardReport> shared(String id) {
        if (!isAssessmentId(id)) {
            return Mono.error(notFound());
        }
        return api.get(ServiceApi.Service.ASSESSMENTS, "/api/v1/assessments/shared/" + id, null)
                .flatMap(summary -> complete(summary, Optional.empty()));
    }

    /** The company's own scorecard, read with the person's token (another company's: the service's 404). */
    public Mono<ScorecardReport> own(ServerWebExchange exchange, String id) {
        if (!isAssessmentId(id)) {
            return Mono.error(notFound());
        }
        // one after the other: the first call refreshes the person's token if it is due, the next uses that one
        return api.getAsUser(exchange, ServiceApi.Service.ASSESSMENTS, "/api/v1/assessments/" + id + "/report", null)
                .flatMap(summary -> percentiles(exchange, id).flatMap(percentiles -> complete(summary, percentiles)));
    }

    public Mono<Sharing> sharing(ServerWebExchange exchange, String id) {
        if (!isAssessmentId(id)) {
            return Mono.error(notFound());
        }
        return api.getAsUser(exchange, ServiceApi.Service.ASSESSMENTS, "/api/v1/assessments/" + id + "/sharing", null)
                .map(this::sharing);
    }

    /** Shows or hides the scorecard publicly; assessment-service checks that the person may choose. */
    public Mono<Sharing> share(ServerWebExchange exchange, String id, boolean shared) {
        if (!isAssessmentId(id)) {
            return Mono.error(notFound());
        }
        return api.sendAsUser(exchange, ServiceApi.Service.ASSESSMENTS, "PUT", "/api/v1/assessments/" + id + "/sharing",
                Map.of("public", shared), Map.of()).map(this::sharing);
    }

    private Sharing sharing(JsonNode s) {
        String id = s.path("assessmentId").asString("");
        return new Sharing(id, s.path("submitted").asBoolean(false), s.path("public").asBoolean(false),
                web.publicUrl("/scorecards/" + id));
    }

    /**
     * Peer percentiles when assessment-service offers them ({@code /benchmark}); "not available" when it does not
     * (404 before that endpoint exists, too few peers) or cannot answer now — the report is still worth having.
     */
    private Mono<Optional<ScorecardReport.Percentiles>> percentiles(ServerWebExchange exchange, String id) {
        return api.getAsUser(exchange, ServiceApi.Service.ASSESSMENTS, "/api/v1/assessments/" + id + "/benchmark", null)
                .map(ScorecardReports::percentiles)
                .onErrorResume(ServiceFailure.class, failure -> failure.status() == HttpStatus.UNAUTHORIZED ? Mono.error(failure)
                        : Mono.just(Optional.empty()));
    }

    /** Tolerant of the benchmark's exact shape: the first {@code percentiles} object, by pillar code or name. */
    static Optional<ScorecardReport.Percentiles> percentiles(JsonNode benchmark) {
        JsonNode p = benchmark.findValue("percentiles");
        if (p == null || !p.isObject()) {
            return Optional.empty();
        }
        ScorecardReport.Percentiles found = new ScorecardReport.Percentiles(first(p, "environmental", "E", "e"),
                first(p, "social", "S", "s"), first(p, "governance", "G", "g"), first(p, "overall"));
        return found.overall() == null && found.environmental() == null ? Optional.empty() : Optional.of(found);
    }

    private static java.math.BigDecimal first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isObject()) {
                value = value.path("percentile");
            }
            if (value.isNumber()) {
                return value.decimalValue();
            }
        }
        return null;
    }

    private Mono<ScorecardReport> complete(JsonNode summary, Optional<ScorecardReport.Percentiles> percentiles) {
        String companyId = summary.path("companyId").asString("");
        if (!Ids.COMPANY.isValid(companyId)) {
            return Mono.error(ServiceFailure.unavailable());
        }
        // a company not (or no longer) listed in the directory still has its scorecard: named by its id then
        Mono<Bilingual> name = profiles.profile(companyId).map(CompanyProfiles.Profile::name)
                .onErrorResume(ServiceFailure.class, failure -> failure.status() == HttpStatus.NOT_FOUND
                        ? Mono.just(new Bilingual(companyId, null)) : Mono.error(failure));
        // the badge is an extra: without badge-service's answer, the report points at the public profile instead
        Mono<Optional<String>> badge = api.get(ServiceApi.Service.BADGES, "/api/v1/badges/holders/" + companyId, null)
                .map(holdings -> {
                    for (JsonNode b : holdings.path("badges")) {
                        String badgeId = b.path("id").asString("");
                        if (Ids.BADGE.isValid(badgeId) && "VALID".equals(b.path("status").asString(""))) {
                            return Optional.of(web.publicUrl("/badges/" + badgeId));
                        }
                    }
                    return Optional.<String>empty();
                })
                .onErrorResume(ServiceFailure.class, failure -> Mono.just(Optional.empty()));
        return name.flatMap(n -> badge.map(verify -> ScorecardReport.of(summary, n, verify.orElse(null),
                web.publicUrl("/companies/" + companyId), percentiles.orElse(null))));
    }

    private static ServiceFailure notFound() {
        return new ServiceFailure(HttpStatus.NOT_FOUND, NullNode.getInstance(), null);
    }
}
