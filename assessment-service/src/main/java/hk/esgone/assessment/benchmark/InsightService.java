package hk.esgone.assessment.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import hk.esgone.assessment.benchmark.store.PeerStore;
import hk.esgone.assessment.catalogue.Form;
import hk.esgone.assessment.catalogue.QuestionnaireCatalogue;
import hk.esgone.assessment.plan.PlanBook;
import hk.esgone.assessment.support.Bilingual;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Industry insight: in a peer group (current questionnaire key, industry, optionally size band, reporting year), the
 * share of companies doing each practice — for a YES_NO question or a single choice, the share of those who
 * answered it (N/A excluded) that gave the answer earning the question's top points. Public, aggregates only: a group
 * of fewer than {@link BenchmarkService#MINIMUM_PEERS} companies shows nothing, and neither does a practice answered by
 * fewer than that many.
 */
@Service
public class InsightService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final QuestionnaireCatalogue catalogue;
    private final PeerStore peers;
    private final PlanBook book;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    InsightService(QuestionnaireCatalogue catalogue, PeerStore peers, PlanBook book, Clock clock) {
        this.catalogue = catalogue;
        this.peers = peers;
        this.book = book;
        this.clock = clock;
    }

    /**
     * @param percent whole percent, rounded half-up: doing × 100 / answered
     */
    public record Practice(String questionId, String section, int percent, Bilingual sentence) {
    }

    public record Insights(String questionnaireKey, String industry, String sizeBand, int year, int minimumPeers,
            boolean enoughPeers, List<Bilingual> notes, List<Practice> practices) {

        public Insights {
            notes = List.copyOf(notes);
            practices = List.copyOf(practices);
        }
    }

    /** Checks the parameters (400 naming each bad one), then counts. */
    public Mono<Insights> insights(String industry, String size, String year) {
        return catalogue.current().flatMap(form -> {
            List<Map<String, String>> errors = new ArrayList<>();
            if (industry == null || industry.isBlank() || !form.knowsIndustry(industry)) {
                errors.add(Map.of("field", "industry", "message", "must be an HSIC section code this questionnaire knows"));
            }
            if (size != null && !form.knowsSizeBand(size)) {
                errors.add(Map.of("field", "size", "message", "must be a size band this questionnaire knows"));
            }
            int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
            int reportingYear = thisYear - 1;
            if (year != null) {
                try {
                    reportingYear = Integer.parseInt(year.strip());
                } catch (NumberFormatException e) {
                    reportingYear = -1;
                }
                if (reportingYear < 2000 || reportingYear > thisYear) {
                    errors.add(Map.of("field", "year", "message", "must be a reporting year from 2000 to " + thisYear));
                }
            }
            if (!errors.isEmpty()) {
                return Mono.error(new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        "One or more query parameters are invalid.", Map.of("errors", errors)));
            }
            int y = reportingYear;
            Map<String, List<String>> doing = doingAnswers(form);
            String group = PeerFigures.group(form.key(), y, industry, size);
            return peers.answers(group, doing).map(counts -> {
                if (counts.companies() < BenchmarkService.MINIMUM_PEERS) {
                    return new Insights(form.key(), industry, size, y, BenchmarkService.MINIMUM_PEERS, false,
                            List.of(BenchmarkService.NOT_ENOUGH), List.of());
                }
                List<Practice> practices = new ArrayList<>();
                counts.byQuestion().forEach((questionId, answeredDoing) -> {
                    long answered = answeredDoing[0];
                    if (answered < BenchmarkService.MINIMUM_PEERS) {
                        return;
                    }
                    int percent = share(answeredDoing[1], answered);
                    Bilingual label = book.data().practices().get(questionId);
                    practices.add(new Practice(questionId, form.question(questionId).sectionCode(), percent,
                            Bilingual.of(percent + "% " + label.en(), percent + "% " + label.zhHant())));
                });
                return new Insights(form.key(), industry, size, y, BenchmarkService.MINIMUM_PEERS, true, List.of(), practices);
            });
        });
    }

    /** {@code doing × 100 / answered} as a whole percent, rounded half-up. */
    public static int share(long doing, long answered) {
        return BigDecimal.valueOf(doing).multiply(HUNDRED).divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /**
     * For each practice question of the plan data, the stored JSON texts of the answers that earn its top points
     * under the form's scoring rules (questions without such a rule, or whose answers all earn the same, are left out).
     */
    Map<String, List<String>> doingAnswers(Form form) {
        JsonNode rules = json.readTree(form.scoringJson()).path("questions");
        Map<String, List<String>> doing = new LinkedHashMap<>();
        for (String questionId : book.data().practices().keySet().stream().sorted().toList()) {
            Form.Question question = form.question(questionId);
            JsonNode rule = rules.path(questionId);
            if (question == null || rule.isMissingNode()) {
                continue;
            }
            List<String> top = new ArrayList<>();
            if (question.type().equals("YES_NO") && rule.path("rule").asString("").equals("YES_NO")) {
                int yes = rule.path("yes").asInt();
                int no = rule.path("no").asInt();
                if (yes != no) {
                    top.add(json.writeValueAsString(yes > no));
                }
            } else if (question.type().equals("SINGLE_CHOICE") && rule.path("rule").asString("").equals("CHOICES")) {
                int max = 0;
                for (String code : rule.path("points").propertyNames()) {
                    max = Math.max(max, rule.path("points").path(code).asInt());
                }
                for (String code : rule.path("points").propertyNames()) {
                    if (max > 0 && rule.path("points").path(code).asInt() == max) {
                        top.add(json.writeValueAsString(code));
                    }
                }
            }
            if (!top.isEmpty()) {
                doing.put(questionId, top);
            }
        }
        return doing;
    }
}
