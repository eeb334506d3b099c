package hk.esgone.directory.company.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

import hk.esgone.directory.benchmark.PeerBenchmark;
import hk.esgone.directory.benchmark.PeerBenchmarkService;
import hk.esgone.directory.company.Company;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;

/**
 * The company as the API shows it. The public part is what anyone sees of a published company; the
 * {@code owner} part (review, provisioning, version) only its members and admins see.
 */
@Component
public class CompanyViews {

    public record CodeLabel(String code, Bilingual label) {
    }

    public record LocationView(String code, Bilingual label, String group) {
    }

    public record CertificationView(String code, Bilingual label, String number, String issuer, LocalDate validUntil,
                                    boolean valid) {
    }

    public record BadgeView(String id, String achievementId, String achievementKind, String scorecardLevel, Bilingual name,
                            String status, Instant validFrom, Instant validUntil, boolean valid) {
    }

    /**
     * {@code source}: ASSESSMENT (assessment-service owns it, shown read-only; {@code origin} says which assessment,
     * the exact decimal scores and when it arrived) or DIRECTORY (entered here). Search results carry neither.
     */
    public record ScorecardView(Integer environmental, Integer social, Integer governance, Integer overall, String level,
                                Bilingual levelLabel, Instant assessedAt, String source, OriginView origin) {
    }

    public record OriginView(String service, String assessmentId, int year, String questionnaireKey, int questionnaireVersion,
                             BigDecimal environmental, BigDecimal social, BigDecimal governance, BigDecimal overall,
                             Instant receivedAt) {
    }

    public record SolutionView(CodeLabel category, Bilingual title, Bilingual description) {
    }

    public record ContactView(String name, String email, String phone) {
    }

    public record OwnerView(long version, String applicantUsername, String reviewDecision, String reviewReason,
                            Instant reviewedAt, String suspensionReason, Instant suspendedAt, String provisioningState,
                            String organizationId, int provisioningAttempts, String provisioningError,
                            Instant nextProvisioningAttemptAt, Instant createdAt, Instant updatedAt) {
    }

    public record CompanyView(String id, String kind, Bilingual kindLabel, String status, Bilingual name,
                              Bilingual description, String brNumber, String uscc, CodeLabel industry, CodeLabel sector,
                              List<LocationView> locations, CodeLabel sizeBand, List<CertificationView> certifications,
                              List<BadgeView> badges, ScorecardView scorecard, List<SolutionView> solutions,
                              String website, ContactView contact, String logoUrl, Instant lastVerifiedAt,
                              Instant publishedAt, PeerBenchmark benchmark, OwnerView owner) {
    }

    private final TaxonomyService taxonomies;
    private final PeerBenchmarkService benchmarks;
    private final Clock clock;

    CompanyViews(TaxonomyService taxonomies, PeerBenchmarkService benchmarks, Clock clock) {
        this.taxonomies = taxonomies;
        this.benchmarks = benchmarks;
        this.clock = clock;
    }

    public CompanyView of(Company c, boolean withOwnerPart) {
        Company.Profile p = c.profile();
        OwnerView owner = null;
        if (withOwnerPart) {
            var review = c.review();
            var suspension = c.suspension();
            var provisioning = c.provisioning();
            owner = new OwnerView(c.version(), c.applicant() == null ? null : c.applicant().username(),
                    review == null ? null : review.decision(), review == null ? null : review.reason(),
                    review == null ? null : review.at(), suspension == null ? null : suspension.reason(),
                    suspension == null ? null : suspension.at(),
                    provisioning == null ? null : provisioning.state().name(),
                    provisioning == null ? null : provisioning.organizationId(),
                    provisioning == null ? 0 : provisioning.attempts(),
                    provisioning == null ? null : provisioning.lastError(),
                    provisioning == null ? null : provisioning.nextAttemptAt(), c.createdAt(), c.updatedAt());
        }
        ContactView contact = p.contact() == null ? null : new ContactView(p.contact().name(), p.contact().email(), p.contact().phone());
        return new CompanyView(c.id(), c.kind().name(), c.kind().label(), c.status().name(), p.name(), p.description(),
                c.registration().brNumber(), c.registration().uscc(),
                code(TaxonomyType.INDUSTRIES, p.industry()), code(TaxonomyType.SECTORS, p.sector()),
                locations(p.locations()), code(TaxonomyType.SIZE_BANDS, p.sizeBand()),
                certifications(p.certifications()),
                badges(c.badges()), scorecard(c.scorecard()),
                p.solutions().stream().map(s -> new SolutionView(code(TaxonomyType.SOLUTION_CATEGORIES, s.category()), s.title(), s.description())).toList(),
                p.website(), contact, p.logoUrl(), c.lastVerifiedAt(), c.publishedAt(),
                c.isPublished() ? benchmarks.benchmark(c).orElse(null) : null, owner);
    }

    public CodeLabel code(TaxonomyType type, String code) {
        return code == null ? null : new CodeLabel(code, taxonomies.label(type, code));
    }

    public List<LocationView> locations(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        return codes.stream().map(code -> {
            var entry = taxonomies.entry(TaxonomyType.LOCATIONS, code);
            return new LocationView(code, entry.map(e -> e.label()).orElse(Bilingual.of(code, code)), entry.map(e -> e.group()).orElse(null));
        }).toList();
    }

    public List<CertificationView> certifications(List<Company.Certification> certifications) {
        if (certifications == null) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return certifications.stream().map(x -> new CertificationView(x.code(), taxonomies.label(TaxonomyType.CERTIFICATIONS, x.code()),
                x.number(), x.issuer(), x.validUntil(), x.isValidOn(today))).toList();
    }

    public List<BadgeView> badges(List<Company.BadgeHolding> badges) {
        if (badges == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return badges.stream().map(b -> new BadgeView(b.badgeId(), b.achievementId(), b.achievementKind(), b.scorecardLevel(),
                b.name(), b.status(), b.validFrom(), b.validUntil(), b.isValidAt(now))).toList();
    }

    /** A profile's scorecard, with where it came from. */
    public ScorecardView scorecard(Company.Scorecard s) {
        if (s == null) {
            return null;
        }
        Company.Origin o = s.origin();
        OriginView origin = o == null ? null : new OriginView("assessment-service", o.assessmentId(), o.year(),
                o.questionnaireKey(), o.questionnaireVersion(), o.environmental(), o.social(), o.governance(), o.overall(),
                o.receivedAt());
        return new ScorecardView(s.environmental(), s.social(), s.governance(), s.overall(), s.level(), levelLabel(s),
                s.assessedAt(), o == null ? "DIRECTORY" : "ASSESSMENT", origin);
    }

    /** A search result's scorecard: the index keeps the scores and level only, not where they came from. */
    public ScorecardView searchScorecard(Company.Scorecard s) {
        return s == null ? null : new ScorecardView(s.environmental(), s.social(), s.governance(), s.overall(), s.level(),
                levelLabel(s), s.assessedAt(), null, null);
    }

    private Bilingual levelLabel(Company.Scorecard s) {
        return s.level() == null ? null : taxonomies.label(TaxonomyType.SCORECARD_LEVELS, s.level());
    }
}
