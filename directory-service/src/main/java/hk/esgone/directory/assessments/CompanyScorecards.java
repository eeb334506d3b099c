package hk.esgone.directory.assessments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import hk.esgone.platform.ids.Ids;
import reactor.core.publisher.Mono;

/**
 * Applies scorecard events to the directory: the company's scorecard becomes its newest year's submitted one, shown
 * read-only. The level is the assessment's own (assessment-service's rules: an overall and an every-pillar minimum),
 * never recomputed from directory's thresholds. The decimal scores are kept exactly in the scorecard's origin; the
 * whole-point fields search, sorting and the peer benchmark use are the decimals rounded down, so a shown score never
 * claims more than the assessment gave (69.9 shows as 69, not as 70, the GOLD minimum).
 * <p>
 * Idempotent: the same scorecard again changes nothing, a re-scored one of the assessment shown (a higher
 * {@code scoreRevision}: an admin accepted evidence) replaces it and an earlier revision arriving later does not, and
 * an older year's event arriving later never replaces a newer year's scorecard. The write goes through {@link CompanyRepository},
 * so the company is indexed again.
 */
@Service
public class CompanyScorecards {

    private static final Logger log = LoggerFactory.getLogger(CompanyScorecards.class);
    private static final Pattern ASSESSMENT_ID = Pattern.compile("asm-[a-z0-9][a-z0-9-]{2,80}");
    private static final Pattern QUESTIONNAIRE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CompanyRepository companies;
    private final TaxonomyService taxonomies;
    private final Clock clock;

    CompanyScorecards(CompanyRepository companies, TaxonomyService taxonomies, Clock clock) {
        this.companies = companies;
        this.taxonomies = taxonomies;
        this.clock = clock;
    }

    /** @return false when the event was malformed and skipped */
    Mono<Boolean> apply(AssessmentEvents.Event event) {
        AssessmentEvents.Scorecard card = event.scorecard();
        if (!"SCORECARD_PUBLISHED".equals(event.type()) || !wellFormed(card)) {
            return Mono.just(false);
        }
        return companies.findById(card.companyId())
                .flatMap(found -> companies.update(card.companyId(), current -> changed(current, card, event.id())).thenReturn(true))
                .switchIfEmpty(Mono.fromCallable(() -> {
                    // a company the directory does not know (removed, or another environment's): nothing to show it on
                    log.warn("Scorecard event {} names company {}, which is not in the directory; skipped", event.id(),
                            card.companyId());
                    return true;
                }));
    }

    private Company changed(Company current, AssessmentEvents.Scorecard card, String eventId) {
        Company.Scorecard shown = current.scorecard();
        if (shown != null && shown.fromAssessment()) {
            Company.Origin origin = shown.origin();
            if (origin.assessmentId().equals(card.assessmentId())) {
                if (card.revision() <= origin.revision()) {
                    return current; // this very scorecard again, or an earlier revision of it: nothing to change
                }
            } else {
                boolean newerShown = origin.year() > card.year()
                        || origin.year() == card.year() && shown.assessedAt() != null && shown.assessedAt().isAfter(card.submittedAt());
                if (newerShown) {
                    return current; // an older year's: nothing to change
                }
            }
        }
        Company.Origin origin = new Company.Origin(card.assessmentId(), card.year(), card.questionnaireKey(),
                card.questionnaireVersion(), card.environmental(), card.social(), card.governance(), card.overall(),
                eventId == null || eventId.length() > 100 ? null : eventId, clock.instant(), card.revision());
        Company.Scorecard scorecard = new Company.Scorecard(points(card.environmental()), points(card.social()),
                points(card.governance()), points(card.overall()), card.level(), card.submittedAt(), origin);
        return current.toBuilder().scorecard(scorecard).verifiedAt(card.submittedAt()).build();
    }

    private boolean wellFormed(AssessmentEvents.Scorecard card) {
        return card != null && Ids.COMPANY.isValid(card.companyId())
                && card.assessmentId() != null && ASSESSMENT_ID.matcher(card.assessmentId()).matches()
                && card.year() != null && card.year() >= 2000 && card.year() <= 2100
                && card.questionnaireKey() != null && QUESTIONNAIRE_KEY.matcher(card.questionnaireKey()).matches()
                && card.questionnaireVersion() != null && card.questionnaireVersion() > 0
                && score(card.environmental()) && score(card.social()) && score(card.governance()) && score(card.overall())
                // the assessment's levels are the directory's level codes (docs/contracts.md); anything else is refused
                && card.level() != null && taxonomies.isKnown(TaxonomyType.SCORECARD_LEVELS, card.level())
                && card.submittedAt() != null
                && (card.scoreRevision() == null || card.scoreRevision() >= 1);
    }

    private static boolean score(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(HUNDRED) <= 0 && value.scale() <= 6;
    }

    private static int points(BigDecimal score) {
        return score.setScale(0, RoundingMode.DOWN).intValueExact();
    }
}
