package hk.esgone.assessment.sharing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import hk.esgone.assessment.answering.Assessment;
import hk.esgone.assessment.answering.AssessmentService;
import hk.esgone.assessment.answering.store.AssessmentStore;
import hk.esgone.assessment.catalogue.Form;
import hk.esgone.assessment.catalogue.QuestionnaireCatalogue;
import hk.esgone.assessment.questionnaire.Pillar;
import hk.esgone.assessment.scoring.Level;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company's choice to show a submitted scorecard publicly, the public read of a shared one, and the company's own
 * report of it. Only the company's {@code sme} members change the choice; a draft cannot be shared (nothing to
 * show yet). The public read answers the same 404 for an unknown id, a draft and a scorecard that is not shared, so
 * that it reveals nothing about assessments that are not public.
 */
@Service
public class ScorecardSharing {

    private static final Pattern ASSESSMENT_ID = Pattern.compile("asm-[a-z0-9][a-z0-9-]{2,80}");

    private final AssessmentService assessments;
    private final AssessmentStore store;
    private final QuestionnaireCatalogue catalogue;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ScorecardSharing(AssessmentService assessments, AssessmentStore store, QuestionnaireCatalogue catalogue, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Whether an assessment can be shared (submitted) and is. */
    public record Sharing(String assessmentId, boolean submitted, boolean shared) {
    }

    /** The choice as it stands: the company's members and admins; 404 for everyone else. */
    public Mono<Sharing> sharing(Caller caller, String id) {
        return assessments.get(caller, id).flatMap(read -> store.isShared(id)
                .map(shared -> new Sharing(id, !read.assessment().isDraft(), shared)));
    }

    /** Shows ({@code shared}) or hides the scorecard: an {@code sme} member of the company, once it is submitted. */
    public Mono<Sharing> share(Caller caller, String id, boolean shared) {
        return assessments.get(caller, id).flatMap(read -> {
            if (!caller.hasRole(Caller.ROLE_SME) || !caller.isMemberOf(read.assessment().companyId())) {
                // admins and buyers may read a company's assessment, but only its own SME accounts publish it
                return Mono.error(ApiProblem.forbidden("Only the company's SME accounts choose whether its scorecard is public."));
            }
            if (read.assessment().isDraft()) {
                return Mono.error(notSubmitted(id));
            }
            return store.setSharing(id, shared, clock.instant(), caller.subject())
                    .flatMap(stored -> stored ? Mono.just(new Sharing(id, true, shared)) : Mono.error(notSubmitted(id)));
        });
    }

    /** A shared scorecard, for anyone; 404 alike for an unknown id, a draft and a scorecard not shared. */
    public Mono<ScorecardSummary> shared(String id) {
        if (id == null || !ASSESSMENT_ID.matcher(id).matches()) {
            return Mono.error(notShared());
        }
        return store.findShared(id).switchIfEmpty(Mono.error(ScorecardSharing::notShared))
                .flatMap(assessment -> summary(assessment, false));
    }

    /** The company's own report of a submitted assessment (with its carbon lines): its members and admins. */
    public Mono<ScorecardSummary> report(Caller caller, String id) {
        return assessments.get(caller, id).flatMap(read -> read.assessment().isDraft()
                ? Mono.error(new ApiProblem(HttpStatus.NOT_FOUND, "scorecard-not-ready", "Not found",
                        "Assessment '" + id + "' is a draft: its report exists once it is submitted."))
                : Mono.just(summary(read.assessment(), read.form(), true)));
    }

    private Mono<ScorecardSummary> summary(Assessment assessment, boolean withLines) {
        return catalogue.form(assessment.questionnaireKey(), assessment.questionnaireVersion())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("questionnaire of " + assessment.id() + " is missing")))
                .map(form -> summary(assessment, form, withLines));
    }

    private ScorecardSummary summary(Assessment assessment, Form form, boolean withLines) {
        JsonNode card = assessments.scorecardOf(assessment);
        JsonNode score = card.path("score");
        Map<String, Bilingual> topicTitles = topicTitles(form);
        List<ScorecardSummary.PillarScore> pillars = new ArrayList<>();
        for (JsonNode p : score.path("pillars")) {
            String code = p.path("pillar").asString("");
            pillars.add(new ScorecardSummary.PillarScore(code, pillarTitle(code), decimal(p.path("score")), decimal(p.path("weight")),
                    p.path("scored").asBoolean(false)));
        }
        List<ScorecardSummary.TopicScore> topics = new ArrayList<>();
        for (JsonNode t : score.path("topics")) {
            String code = t.path("code").asString("");
            topics.add(new ScorecardSummary.TopicScore(code, t.path("pillar").asString(""),
                    topicTitles.getOrDefault(code, Bilingual.of(code, code)), decimal(t.path("score"))));
        }
        JsonNode carbon = card.path("carbon");
        List<ScorecardSummary.CarbonLine> lines = null;
        if (withLines) {
            lines = new ArrayList<>();
            for (JsonNode line : carbon.path("lines")) {
                lines.add(new ScorecardSummary.CarbonLine(bilingual(line.path("activity")), line.path("scope").asInt(),
                        decimal(line.path("amount")), line.path("unit").asString(null), decimal(line.path("kgCo2e")),
                        line.path("factorSource").asString(null)));
            }
        }
        String level = score.path("level").asString("");
        return new ScorecardSummary(assessment.id(), assessment.companyId(), assessment.year(), assessment.submittedAt(),
                new ScorecardSummary.Questionnaire(assessment.questionnaireKey(), assessment.questionnaireVersion()),
                decimal(score.path("overall")), level, levelTitle(level), bilingual(score.path("levelRule")), pillars, topics,
                new ScorecardSummary.Carbon(carbon.path("factorSet").asString(null), decimal(carbon.path("scope1Tonnes")),
                        decimal(carbon.path("scope2Tonnes")), decimal(carbon.path("totalTonnes")),
                        decimal(carbon.path("tonnesPerEmployee")), decimal(carbon.path("tonnesPerMillionHkd")), lines));
    }

    /** Topic titles of the questionnaire version the assessment was answered on. */
    private Map<String, Bilingual> topicTitles(Form form) {
        Map<String, Bilingual> titles = new HashMap<>();
        json.valueToTree(form.describe(null, null)).path("sections")
                .forEach(section -> section.path("topics").forEach(topic -> titles.put(topic.path("code").asString(""),
                        bilingual(topic.path("title")))));
        return titles;
    }

    private static Bilingual pillarTitle(String code) {
        for (Pillar pillar : Pillar.values()) {
            if (pillar.name().equals(code)) {
                return pillar.title();
            }
        }
        return Bilingual.of(code, code);
    }

    private static Bilingual levelTitle(String code) {
        for (Level level : Level.values()) {
            if (level.name().equals(code)) {
                return level.title();
            }
        }
        return Bilingual.of(code, code);
    }

    private static Bilingual bilingual(JsonNode node) {
        return Bilingual.of(node.path("en").asString(""), node.path("zhHant").asString(""));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }

    private static ApiProblem notSubmitted(String id) {
        return new ApiProblem(HttpStatus.CONFLICT, "assessment-not-submitted", "Conflict",
                "Assessment '" + id + "' is a draft: its scorecard can be shared once it is submitted.");
    }

    private static ApiProblem notShared() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no shared scorecard with this id.");
    }
}
