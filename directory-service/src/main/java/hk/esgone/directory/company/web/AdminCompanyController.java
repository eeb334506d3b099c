package hk.esgone.directory.company.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.CompanyService;
import hk.esgone.directory.company.CompanyStatus;
import hk.esgone.directory.company.web.CompanyViews.CompanyView;
import hk.esgone.directory.onboarding.CompanyOnboardingService;
import hk.esgone.directory.support.FieldErrors;
import hk.esgone.directory.support.Texts;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** Council staff: review applications, approve (provisioning the Keycloak organization), reject, suspend, score. */
@RestController
class AdminCompanyController {

    record ReasonRequest(String reason) {
    }

    record ScorecardRequest(Integer environmental, Integer social, Integer governance, Integer overall, String level,
                            Instant assessedAt) {
    }

    private final CompanyService companies;
    private final CompanyOnboardingService onboarding;
    private final CompanyViews views;
    private final TaxonomyService taxonomies;
    private final Clock clock;

    AdminCompanyController(CompanyService companies, CompanyOnboardingService onboarding, CompanyViews views,
                           TaxonomyService taxonomies, Clock clock) {
        this.companies = companies;
        this.onboarding = onboarding;
        this.views = views;
        this.taxonomies = taxonomies;
        this.clock = clock;
    }

    @GetMapping("/api/v1/directory/admin/applications")
    Mono<List<CompanyView>> applications(@RequestParam(defaultValue = "SUBMITTED") String status,
                                         @RequestParam(defaultValue = "50") int limit) {
        CompanyStatus wanted;
        try {
            wanted = CompanyStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new FieldErrors().add("status", "one of SUBMITTED, PROVISIONING, PUBLISHED, SUSPENDED, REJECTED")
                    .toProblem("validation", "Invalid request", "One or more parameters are invalid.");
        }
        if (limit < 1 || limit > 100) {
            new FieldErrors().add("limit", "must be 1-100").throwIfAny();
        }
        return companies.byStatus(wanted, limit).map(c -> views.of(c, true)).collectList();
    }

    /** 200 when the company is published; 202 when Keycloak could not be reached yet (retried in the background). */
    @PostMapping("/api/v1/directory/admin/companies/{id}/approve")
    Mono<ResponseEntity<CompanyView>> approve(@PathVariable String id) {
        return admin().flatMap(admin -> onboarding.approve(id, admin))
                .map(c -> ResponseEntity.status(c.status() == CompanyStatus.PROVISIONING ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .body(views.of(c, true)));
    }

    @PostMapping("/api/v1/directory/admin/companies/{id}/reject")
    Mono<CompanyView> reject(@PathVariable String id, @RequestBody ReasonRequest request) {
        String reason = reason(request);
        return admin().flatMap(admin -> onboarding.reject(id, admin, reason)).map(c -> views.of(c, true));
    }

    @PostMapping("/api/v1/directory/admin/companies/{id}/suspend")
    Mono<CompanyView> suspend(@PathVariable String id, @RequestBody ReasonRequest request) {
        String reason = reason(request);
        return admin().flatMap(admin -> onboarding.suspend(id, admin, reason)).map(c -> views.of(c, true));
    }

    @PostMapping("/api/v1/directory/admin/companies/{id}/reinstate")
    Mono<CompanyView> reinstate(@PathVariable String id) {
        return admin().flatMap(admin -> onboarding.reinstate(id, admin)).map(c -> views.of(c, true));
    }

    @PutMapping("/api/v1/directory/admin/companies/{id}/scorecard")
    Mono<CompanyView> scorecard(@PathVariable String id, @RequestBody ScorecardRequest request) {
        FieldErrors errors = new FieldErrors();
        score(errors, "environmental", request.environmental(), true);
        score(errors, "social", request.social(), true);
        score(errors, "governance", request.governance(), true);
        score(errors, "overall", request.overall(), false);
        if (request.level() != null && !taxonomies.isKnown(TaxonomyType.SCORECARD_LEVELS, request.level())) {
            errors.add("level", "one of the scorecard levels");
        }
        Instant now = clock.instant();
        if (request.assessedAt() != null && request.assessedAt().isAfter(now.plusSeconds(300))) {
            errors.add("assessedAt", "must not be in the future");
        }
        errors.throwIfAny();
        int overall = request.overall() != null ? request.overall()
                : Math.round((request.environmental() + request.social() + request.governance()) / 3.0f);
        String level = request.level() != null ? request.level() : taxonomies.scorecardLevelFor(overall);
        var scorecard = new Company.Scorecard(request.environmental(), request.social(), request.governance(), overall,
                level, request.assessedAt() != null ? request.assessedAt() : now);
        return companies.setScorecard(id, scorecard).map(c -> views.of(c, true));
    }

    private static void score(FieldErrors errors, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(field, "required, 0-100");
            }
        } else if (value < 0 || value > 100) {
            errors.add(field, "must be 0-100");
        }
    }

    private static String reason(ReasonRequest request) {
        String reason = request == null ? null : Texts.clean(request.reason());
        FieldErrors errors = new FieldErrors();
        if (reason == null) {
            errors.add("reason", "a reason is required");
        } else if (Texts.length(reason) > 1000 || Texts.hasControlCharacters(reason, true)) {
            errors.add("reason", "at most 1000 characters, no control characters");
        }
        errors.throwIfAny();
        return reason;
    }

    private static Mono<Caller> admin() {
        return Callers.admin("Only admins review companies.");
    }
}
