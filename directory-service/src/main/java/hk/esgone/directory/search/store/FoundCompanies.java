package hk.esgone.directory.search.store;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * The parts of Elasticsearch's answer to a company search that this service reads, taken with Jackson straight
 * from the JSON: hits (id, document, highlights, sort values), the total and the aggregations as a tree.
 *
 * @param hits         the hits and their total ({@code total} is null where the request did not count them)
 * @param aggregations the aggregations by name (null when the request asked for none)
 */
public record FoundCompanies(Hits hits, JsonNode aggregations) {

    public record Hits(Total total, List<Found> hits) {

        public Hits {
            hits = hits == null ? List.of() : hits;
        }
    }

    /** {@code relation} is {@code eq} or {@code gte}. */
    public record Total(long value, String relation) {
    }

    /** One hit; {@code source} is null when the request excluded every field, {@code sort} empty when it did not sort. */
    public record Found(@JsonProperty("_id") String id, @JsonProperty("_source") CompanyIndexDocument source,
                        Map<String, List<String>> highlight, List<JsonNode> sort) {

        public Found {
            highlight = highlight == null ? Map.of() : highlight;
            sort = sort == null ? List.of() : sort;
        }
    }
}
