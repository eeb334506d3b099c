package hk.esgone.web.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import hk.esgone.web.support.Bilingual;
import tools.jackson.databind.JsonNode;

/**
 * Where a submitted assessment stands among its peers, as assessment-service computed it: per group (its industry;
 * its industry and size band) the percentile of E, S, G, overall and carbon intensity — or, for a group of fewer than
 * {@code minimumPeers} companies, nothing but that fact (the service does not even give the group's size).
 */
public record Benchmark(String industry, String sizeBand, int minimumPeers, List<Group> groups) {

    /** The figures, in the order a page lists them. */
    public static final List<String> FIGURES = List.of("OVERALL", "E", "S", "G", "CARBON_INTENSITY");

    /**
     * @param percentile 0–100, one decimal: the share of the group doing worse (half of those level counted as worse)
     */
    public record Rank(String figure, BigDecimal value, BigDecimal percentile, boolean lowerIsBetter) {
    }

    /** @param scope INDUSTRY or INDUSTRY_AND_SIZE */
    public record Group(String scope, String industry, String sizeBand, boolean enoughPeers, List<Rank> figures, List<Bilingual> notes) {

        public boolean sized() {
            return "INDUSTRY_AND_SIZE".equals(scope);
        }

        /** Whether carbon intensity is among the figures (it has its own, smaller group: companies with a per-employee figure). */
        public boolean hasIntensity() {
            return figures.stream().anyMatch(Rank::lowerIsBetter);
        }
    }

    static Benchmark of(JsonNode json) {
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : json.path("groups")) {
            List<Rank> ranks = new ArrayList<>();
            for (JsonNode f : g.path("figures")) {
                String figure = f.path("figure").asString("");
                BigDecimal percentile = Scorecard.decimal(f.path("percentile"));
                // a figure the page cannot name or a percentile outside 0–100 is not drawn as a bar
                if (FIGURES.contains(figure) && percentile != null && percentile.signum() >= 0 && percentile.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    ranks.add(new Rank(figure, Scorecard.decimal(f.path("value")), percentile, f.path("lowerIsBetter").asBoolean(false)));
                }
            }
            ranks.sort(java.util.Comparator.comparingInt(r -> FIGURES.indexOf(r.figure())));
            List<Bilingual> notes = new ArrayList<>();
            g.path("notes").forEach(n -> notes.add(Bilingual.of(n)));
            boolean enough = g.path("enoughPeers").asBoolean(false);
            groups.add(new Group(g.path("scope").asString(""), g.path("industry").asString(null), g.path("sizeBand").asString(null),
                    enough, enough ? List.copyOf(ranks) : List.of(), List.copyOf(notes)));
        }
        return new Benchmark(json.path("industry").asString(null), json.path("sizeBand").asString(null),
                json.path("minimumPeers").asInt(10), List.copyOf(groups));
    }
}
