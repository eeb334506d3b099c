package hk.esgone.directory.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;

import hk.esgone.directory.search.SearchCriteria.Facet;

/**
 * Builds the Elasticsearch request for a directory search. The user's text only ever reaches
 * Elasticsearch inside {@code multi_match} / {@code match} queries, which analyse it as plain text:
 * quotes, {@code AND}, {@code *}, {@code field:value} and the like are just characters here
 * ({@code query_string} and {@code simple_query_string} are deliberately never used).
 *
 * <p>Every request filters on {@code visible=true} and {@code status=PUBLISHED}; facet filters go to
 * {@code post_filter} so that each facet's counts ignore that facet's own selection (multi-select facets).
 */
@Component
public class SearchRequestFactory {

    static final String VALUES = "values";
    static final String NESTED = "nested";
    static final String VALID = "valid";
    static final String COMPANIES = "companies";

    private static final List<String> TEXT_FIELDS = List.of("name.en^4", "name.zhHant^4", "description.en", "description.zhHant",
            "labels^1.5", "certificationText^2", "solutionText^1.5");

    private final QueryHints hints;

    SearchRequestFactory(QueryHints hints) {
        this.hints = hints;
    }

    public SearchRequest search(String index, SearchCriteria criteria, List<FieldValue> after) {
        Map<Facet, Query> filters = new EnumMap<>(Facet.class);
        criteria.filters().forEach((facet, values) -> filters.put(facet, filter(facet, values)));

        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            List<Query> others = new ArrayList<>();
            filters.forEach((f, q) -> {
                if (f != facet) {
                    others.add(q);
                }
            });
            aggregations.put(facet.param(), facetAggregation(facet, others));
        }

        return SearchRequest.of(s -> {
            s.index(index)
                    .query(baseQuery(criteria.text()))
                    .aggregations(aggregations)
                    .size(criteria.limit() + 1)
                    .trackTotalHits(t -> t.count(10_000))
                    .sort(sort(criteria.sort()))
                    .source(src -> src.filter(f -> f.excludes("labels", "certificationText", "solutionText", "sourceHash", "solutions")))
                    .highlight(h -> h
                            .encoder(HighlighterEncoder.Html)
                            .type(HighlighterType.Unified)
                            .preTags("<em>").postTags("</em>")
                            .requireFieldMatch(true)
                            .fields(highlight("name.en", 0, 0), highlight("name.en.prefix", 0, 0),
                                    highlight("name.zhHant", 0, 0), highlight("name.zhHant.grams", 0, 0),
                                    highlight("description.en", 160, 1), highlight("description.zhHant", 80, 1)));
            if (!filters.isEmpty()) {
                s.postFilter(p -> p.bool(b -> b.filter(new ArrayList<>(filters.values()))));
            }
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        });
    }

    /** Names in both languages, as typed so far: edge n-grams for Latin words, character grams for Chinese. */
    public SearchRequest autocomplete(String index, String text, int limit) {
        return SearchRequest.of(s -> s
                .index(index)
                .size(limit)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes("id", "kind", "name")))
                .query(q -> q.bool(b -> b
                        .filter(published())
                        .should(m -> m.match(x -> x.field("name.en.prefix").query(text).operator(Operator.And).boost(2f)))
                        .should(m -> m.match(x -> x.field("name.zhHant.grams").query(text).operator(Operator.And).boost(2f)))
                        .should(m -> m.matchPhrasePrefix(x -> x.field("name.en").query(text).boost(3f)))
                        .should(m -> m.matchPhrase(x -> x.field("name.zhHant").query(text).boost(3f)))
                        .minimumShouldMatch("1")))
                .sort(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))),
                        SortOptions.of(o -> o.field(f -> f.field("sortName").order(SortOrder.Asc))))
                .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                        .fields(highlight("name.en.prefix", 0, 0), highlight("name.zhHant.grams", 0, 0))));
    }

    private static NamedValue<HighlightField> highlight(String field, int fragmentSize, int fragments) {
        return NamedValue.of(field, HighlightField.of(h -> {
            h.numberOfFragments(fragments);
            if (fragmentSize > 0) {
                h.fragmentSize(fragmentSize);
            }
            return h;
        }));
    }

    static List<Query> published() {
        return List.of(Query.of(q -> q.term(t -> t.field("visible").value(true))),
                Query.of(q -> q.term(t -> t.field("status").value("PUBLISHED"))));
    }

    private Query baseQuery(String text) {
        return Query.of(q -> q.bool(b -> {
            b.filter(published());
            if (text == null) {
                b.must(m -> m.matchAll(a -> a));
            } else {
                b.must(m -> m.bool(any -> any
                        .should(x -> x.multiMatch(mm -> mm.query(text).fields(TEXT_FIELDS).type(TextQueryType.CrossFields)
                                .operator(Operator.Or).minimumShouldMatch("2<70%")))
                        // a half-typed name: every word a prefix of a word of the English name
                        .should(x -> x.match(mm -> mm.field("name.en.prefix").query(text).operator(Operator.And).boost(1.5f)))
                        // a half-typed Chinese name: every character and bigram in the name
                        .should(x -> x.match(mm -> mm.field("name.zhHant.grams").query(text).operator(Operator.And).boost(1.5f)))
                        // one typo in a word of five letters or more (Latin script only: a changed CJK bigram is another
                        // word); weighted low, so exact matches stay above
                        .should(x -> x.multiMatch(mm -> mm.query(text).fields("name.en", "description.en")
                                .type(TextQueryType.BestFields).fuzziness("AUTO:5,100").prefixLength(1).maxExpansions(20)
                                .operator(Operator.And).boost(0.3f)))
                        .minimumShouldMatch("1")));
                b.should(x -> x.matchPhrase(p -> p.field("name.en").query(text).boost(3f)));
                b.should(x -> x.matchPhrase(p -> p.field("name.zhHant").query(text).boost(3f)));
                // a district or certificate named in the text: companies really there, really holding it now, first
                QueryHints.Hints found = hints.detect(text);
                if (!found.locations().isEmpty()) {
                    b.should(constant(terms("locations", found.locations()), 3f));
                }
                if (!found.certifications().isEmpty()) {
                    b.should(constant(Query.of(x -> x.nested(n -> n.path("certifications").scoreMode(ChildScoreMode.None)
                            .query(validCertification(found.certifications())))), 4f));
                }
            }
            // trust signals first: a valid badge or a valid certificate lifts a company a little
            b.should(constant(Query.of(x -> x.nested(n -> n.path("badges").scoreMode(ChildScoreMode.None).query(validBadge(null)))), 1f));
            b.should(constant(Query.of(x -> x.nested(n -> n.path("certifications").scoreMode(ChildScoreMode.None)
                    .query(validCertification(null)))), 0.5f));
            return b;
        }));
    }

    private static Query filter(Facet facet, List<String> values) {
        return switch (facet) {
            case KIND -> terms("kind", values);
            case INDUSTRY -> terms("industry", values);
            case SECTOR -> terms("sector", values);
            case LOCATION -> terms("locations", values);
            case LEVEL -> terms("scorecard.level", values);
            case SOLUTION -> terms("solutionCategories", values);
            case CERTIFICATION -> Query.of(q -> q.nested(n -> n.path("certifications").scoreMode(ChildScoreMode.None)
                    .query(validCertification(values))));
            case BADGE -> Query.of(q -> q.nested(n -> n.path("badges").scoreMode(ChildScoreMode.None)
                    .query(validBadge(values))));
        };
    }

    private static Aggregation facetAggregation(Facet facet, List<Query> otherFilters) {
        Aggregation values = switch (facet) {
            case CERTIFICATION -> nestedValues("certifications", validCertification(null), "certifications.code");
            case BADGE -> nestedValues("badges", validBadge(null), "badges.achievementId");
            default -> Aggregation.of(a -> a.terms(t -> t.field(field(facet)).size(100)));
        };
        return Aggregation.of(a -> a
                .filter(f -> f.bool(b -> otherFilters.isEmpty() ? b.must(m -> m.matchAll(x -> x)) : b.filter(otherFilters)))
                .aggregations(VALUES, values));
    }

    /** Counts companies (not certificates) per code, among the entries that are valid now. */
    private static Aggregation nestedValues(String path, Query valid, String codeField) {
        Aggregation perCode = Aggregation.of(a -> a.terms(t -> t.field(codeField).size(100))
                .aggregations(COMPANIES, c -> c.reverseNested(r -> r)));
        Aggregation validOnly = Aggregation.of(a -> a.filter(valid).aggregations(VALUES, perCode));
        return Aggregation.of(a -> a.nested(n -> n.path(path)).aggregations(VALID, validOnly));
    }

    private static String field(Facet facet) {
        return switch (facet) {
            case KIND -> "kind";
            case INDUSTRY -> "industry";
            case SECTOR -> "sector";
            case LOCATION -> "locations";
            case LEVEL -> "scorecard.level";
            case SOLUTION -> "solutionCategories";
            case CERTIFICATION -> "certifications.code";
            case BADGE -> "badges.achievementId";
        };
    }

    /** A certificate that is still valid today (valid-until is a date, inclusive). */
    static Query validCertification(List<String> codes) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.range(r -> r.date(d -> d.field("certifications.validUntil").gte("now/d"))));
            if (codes != null) {
                b.filter(terms("certifications.code", codes));
            }
            return b;
        }));
    }

    /** A badge valid now: status VALID, started, not past its valid-until. */
    static Query validBadge(List<String> achievementIds) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("badges.status").value("VALID")));
            b.filter(f -> f.bool(o -> o
                    .should(s -> s.range(r -> r.date(d -> d.field("badges.validUntil").gt("now"))))
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("badges.validUntil")))))
                    .minimumShouldMatch("1")));
            b.filter(f -> f.bool(o -> o
                    .should(s -> s.range(r -> r.date(d -> d.field("badges.validFrom").lte("now"))))
                    .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("badges.validFrom")))))
                    .minimumShouldMatch("1")));
            if (achievementIds != null) {
                b.filter(terms("badges.achievementId", achievementIds));
            }
            return b;
        }));
    }

    /** Filters score nothing; this gives a match a fixed score. */
    private static Query constant(Query filter, float boost) {
        return Query.of(q -> q.constantScore(c -> c.filter(filter).boost(boost)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues(values)))));
    }

    private static List<FieldValue> fieldValues(List<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    private static List<SortOptions> sort(SearchCriteria.Sort sort) {
        SortOptions byId = SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (sort) {
            case RELEVANCE -> List.of(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))),
                    SortOptions.of(o -> o.field(f -> f.field("lastVerifiedAt").order(SortOrder.Desc).missing("_last"))), byId);
            case NAME -> List.of(SortOptions.of(o -> o.field(f -> f.field("sortName").order(SortOrder.Asc))), byId);
            case SCORE -> List.of(SortOptions.of(o -> o.field(f -> f.field("scorecard.overall").order(SortOrder.Desc).missing("_last"))), byId);
            case VERIFIED -> List.of(SortOptions.of(o -> o.field(f -> f.field("lastVerifiedAt").order(SortOrder.Desc).missing("_last"))), byId);
        };
    }
}
