package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.JsonNode;

/**
 * What to improve first, as assessment-service planned it: the weak topics (score below {@code weakTopicBelow}),
 * weakest first, each with a recommendation, next steps per question that lost points, and who can help — service
 * providers of its green-solution category and partner offers of its offer category, each a part that may be
 * UNAVAILABLE when the other service could not answer in time.
 */
public record ImprovementPlan(BigDecimal weakTopicBelow, List<Topic> topics) {

    public record Topic(String code, Bilingual title, String pillar, BigDecimal score, Bilingual recommendation, List<Step> steps,
                        String solutionCategory, Part<Provider> providers, String offerCategory, Part<Offer> offers) {

        /** The message key part of its pillar ({@code score.environmental}, …). */
        public String pillarKey() {
            return new Scorecard.Pillar(pillar, null, null, true).key();
        }
    }

    /** @param outcome SCORED (points short of the maximum) or CAPPED (evidence not checked yet) */
    public record Step(String questionId, Bilingual question, BigDecimal points, BigDecimal max, String outcome, Bilingual step) {

        public boolean capped() {
            return "CAPPED".equals(outcome);
        }
    }

    /** Up to three items found, or not available just now. */
    public record Part<T>(boolean available, List<T> items) {
    }

    public record Provider(String id, Bilingual name) {
    }

    public record Offer(String id, Bilingual title, String type, BigDecimal value, String currency) {
    }

    static ImprovementPlan of(JsonNode json) {
        List<Topic> topics = new ArrayList<>();
        for (JsonNode t : json.path("topics")) {
            List<Step> steps = new ArrayList<>();
            t.path("steps").forEach(s -> steps.add(new Step(s.path("questionId").asString(""), Bilingual.of(s.path("question")),
                    Scorecard.decimal(s.path("points")), Scorecard.decimal(s.path("max")), s.path("outcome").asString(""),
                    Bilingual.of(s.path("step")))));
            String solution = code(t.path("solutionCategory"));
            String offerCategory = code(t.path("offerCategory"));
            topics.add(new Topic(t.path("topic").asString(""), Bilingual.of(t.path("title")), t.path("pillar").asString(""),
                    Scorecard.decimal(t.path("score")), Bilingual.of(t.path("recommendation")), List.copyOf(steps),
                    solution, solution == null ? null : part(t.path("providers"), p -> Ids.COMPANY.isValid(p.path("id").asString(""))
                            ? new Provider(p.path("id").asString(""), Bilingual.of(p.path("name"))) : null),
                    offerCategory, offerCategory == null ? null : part(t.path("offers"), o -> Ids.OFFER.isValid(o.path("id").asString(""))
                            ? new Offer(o.path("id").asString(""), Bilingual.of(o.path("title")), o.path("type").asString(null),
                                    Scorecard.decimal(o.path("value")), o.path("currency").asString(null)) : null)));
        }
        return new ImprovementPlan(Scorecard.decimal(json.path("weakTopicBelow")), List.copyOf(topics));
    }

    /** A code as the services write them (upper case, digits, underscores); anything else is treated as none. */
    private static String code(JsonNode node) {
        String code = node.asString(null);
        return code != null && code.matches("[A-Z][A-Z0-9_]{0,60}") ? code : null;
    }

    /** At most three items with an id a link may use; a part the service left out counts as unavailable. */
    private static <T> Part<T> part(JsonNode part, Function<JsonNode, T> item) {
        if (!"AVAILABLE".equals(part.path("status").asString(""))) {
            return new Part<>(false, List.of());
        }
        List<T> items = new ArrayList<>();
        for (JsonNode i : part.path("items")) {
            T parsed = item.apply(i);
            if (parsed != null && items.size() < 3) {
                items.add(parsed);
            }
        }
        return new Part<>(true, List.copyOf(items));
    }
}
