package hk.esgone.web.assessment;

import java.util.ArrayList;
import java.util.List;

import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.JsonNode;

/**
 * The industry insight assessment-service publishes for a peer group (industry, optionally size band, reporting
 * year): the share of companies doing each practice, with its sentence in both languages; nothing when the group has
 * fewer than {@code minimumPeers} companies.
 */
public record Insights(String industry, String sizeBand, int year, int minimumPeers, boolean enoughPeers, List<Practice> practices) {

    /** @param percent whole percent of those who answered (N/A excluded) */
    public record Practice(String questionId, String section, int percent, Bilingual sentence) {
    }

    /** The practices of one section (E, S, G), in the service's order. */
    public List<Practice> section(String code) {
        return practices.stream().filter(p -> p.section().equals(code)).toList();
    }

    static Insights of(JsonNode json) {
        List<Practice> practices = new ArrayList<>();
        for (JsonNode p : json.path("practices")) {
            int percent = p.path("percent").asInt(-1);
            if (percent >= 0 && percent <= 100) {
                practices.add(new Practice(p.path("questionId").asString(""), p.path("section").asString(""), percent,
                        Bilingual.of(p.path("sentence"))));
            }
        }
        boolean enough = json.path("enoughPeers").asBoolean(false);
        return new Insights(json.path("industry").asString(null), json.path("sizeBand").asString(null), json.path("year").asInt(0),
                json.path("minimumPeers").asInt(10), enough, enough ? List.copyOf(practices) : List.of());
    }
}
