package hk.esgone.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;

import hk.esgone.directory.search.SearchCriteria.Facet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request the service sends: user text only inside match-type queries (never query_string or
 * simple_query_string, which parse syntax), and the visibility filter always present.
 */
class SearchRequestFactoryTests {

    final SearchRequestFactory factory = new SearchRequestFactory(new QueryHints(null) {
        @Override
        Hints detect(String text) {
            return new Hints(List.of("KWUN_TONG"), List.of("ISO_14001"));
        }
    });

    @Test
    void userTextIsNeverParsedAsQuerySyntax() {
        String hostile = "\"ISO 14001\" AND (metal OR *) name.en:/.*/ \\ ~ ^2 [a TO z] {} status:SUBMITTED";
        SearchCriteria criteria = new SearchCriteria(hostile, Map.of(Facet.LOCATION, List.of("KWUN_TONG")), SearchCriteria.Sort.RELEVANCE, 20);
        JsonNode body = json(factory, criteria);
        String text = body.toString();
        assertThat(text).doesNotContain("query_string").doesNotContain("simple_query_string").doesNotContain("regexp")
                .doesNotContain("wildcard").doesNotContain("\"prefix\"");
        // wherever the text appears, it is the "query" of a match, match_phrase or multi_match
        assertThat(parentsOf(body, hostile, null)).isNotEmpty().allMatch(p -> p.equals("match") || p.equals("multi_match")
                || p.equals("match_phrase") || p.equals("name.en") || p.equals("name.zhHant") || p.equals("name.en.prefix")
                || p.equals("name.zhHant.grams"));
    }

    @Test
    void everySearchAndSuggestionIsLimitedToPublishedCompanies() {
        for (String text : new String[]{null, "metal"}) {
            String body = json(factory, new SearchCriteria(text, Map.of(), SearchCriteria.Sort.NAME, 10)).toString();
            assertThat(body).contains("{\"term\":{\"visible\":{\"value\":true}}}").contains("{\"term\":{\"status\":{\"value\":\"PUBLISHED\"}}}");
        }
        StringBuilder suggestion = new StringBuilder();
        JsonpUtils.toString(factory.autocomplete("companies", "Demo Gre", 8), new Jackson3JsonpMapper(), suggestion);
        assertThat(suggestion.toString()).contains("\"visible\"").contains("PUBLISHED");
    }

    @Test
    void facetFiltersAreOrWithinAndAndAcrossAndLeaveTheirOwnCountsAlone() {
        SearchCriteria criteria = new SearchCriteria(null, Map.of(Facet.KIND, List.of("SUPPLIER", "PARTNER"),
                Facet.CERTIFICATION, List.of("ISO_14001")), SearchCriteria.Sort.RELEVANCE, 20);
        JsonNode body = json(factory, criteria);
        assertThat(body.path("post_filter").path("bool").path("filter")).hasSize(2);
        // the kind facet is counted without the kind filter, with the certification filter
        String kindFacet = body.path("aggregations").path("kind").toString();
        assertThat(kindFacet).contains("certifications.code").doesNotContain("SUPPLIER");
        assertThat(body.path("aggregations").path("certification").toString()).contains("reverse_nested").contains("now/d");
        assertThat(body.path("size").asInt()).isEqualTo(21);
    }

    private static JsonNode json(SearchRequestFactory factory, SearchCriteria criteria) {
        StringBuilder json = new StringBuilder();
        JsonpUtils.toString(factory.search("companies", criteria, null), new Jackson3JsonpMapper(), json);
        return JsonMapper.builder().build().readTree(json.toString());
    }

    /** Names of the objects whose "query" (or value) is exactly {@code text}. */
    private static List<String> parentsOf(JsonNode node, String text, String name) {
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        if (node.isObject()) {
            for (var entry : node.properties()) {
                if (entry.getValue().isString() && text.equals(entry.getValue().asString())) {
                    found.add(name);
                }
                found.addAll(parentsOf(entry.getValue(), text, entry.getKey()));
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                found.addAll(parentsOf(child, text, name));
            }
        }
        return found;
    }
}
