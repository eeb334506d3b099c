package hk.esgone.assessment.benchmark.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.benchmark.Figure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Peer counts over the {@code assessments} collection. Every submitted assessment carries {@code peer}: its peer
 * groups ({@code peer.groups}, e.g. {@code hk-sme|2025|C} and {@code hk-sme|2025|C|SMALL}) and its figures as whole
 * numbers. The index {@code (peer.groups, peer.overall)} (multikey on the groups) finds a group's assessments (the
 * percentiles are worked out from the group's figures in memory, {@code PeerDistributions}). Drafts have no
 * {@code peer} and are never counted.
 */
@Component
public class PeerStore {

    static final String COLLECTION = "assessments";

    private final ReactiveMongoTemplate mongo;

    PeerStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("peer.groups", Sort.Direction.ASC).on(field(Figure.OVERALL), Sort.Direction.ASC)
                .named("peer_" + Figure.OVERALL.field())).then();
    }

    /**
     * Every figure of the group's submitted assessments, by figure (unsorted; a figure a peer lacks is left out). One
     * query by the index on the group, reading only the {@code peer} figures.
     */
    public Mono<Map<Figure, long[]>> figuresOf(String group) {
        Query query = Query.query(Criteria.where("peer.groups").is(group).and(field(Figure.OVERALL)).gte(0L));
        for (Figure figure : Figure.values()) {
            query.fields().include(field(figure));
        }
        query.fields().exclude("_id");
        return mongo.find(query, Document.class, COLLECTION)
                .collect(() -> new EnumMap<Figure, LongList>(Figure.class), (byFigure, document) -> {
                    Document peer = document.get("peer", Document.class);
                    for (Figure figure : Figure.values()) {
                        if (peer != null && peer.get(figure.field()) instanceof Number n) {
                            byFigure.computeIfAbsent(figure, f -> new LongList()).add(n.longValue());
                        }
                    }
                })
                .map(byFigure -> {
                    Map<Figure, long[]> arrays = new EnumMap<>(Figure.class);
                    byFigure.forEach((figure, list) -> arrays.put(figure, list.toArray()));
                    return arrays;
                });
    }

    /** A growable array of longs, so that a large group is not boxed. */
    private static final class LongList {

        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * For each question, among the group's submitted assessments: how many answered it (not N/A) and how many gave
     * one of the answers listed for it. One aggregation: the group's documents by the index, summed in one pass.
     *
     * @param doing per question id, the stored JSON texts of the answers that count as doing the practice
     */
    public Mono<GroupAnswers> answers(String group, Map<String, List<String>> doing) {
        Document sums = new Document("_id", null).append("companies", new Document("$sum", 1));
        List<String> ids = new ArrayList<>(doing.keySet());
        for (int i = 0; i < ids.size(); i++) {
            String value = "$answers." + ids.get(i) + ".valueJson";
            String notApplicable = "$answers." + ids.get(i) + ".notApplicable";
            sums.append("a" + i, new Document("$sum", new Document("$cond", List.of(new Document("$and", List.of(
                    new Document("$ne", Arrays.asList(new Document("$ifNull", Arrays.asList(value, null)), null)),
                    new Document("$ne", List.of(notApplicable, true)))), 1, 0))));
            sums.append("d" + i, new Document("$sum", new Document("$cond", List.of(
                    new Document("$in", List.of(new Document("$ifNull", List.of(value, "")), doing.get(ids.get(i)))), 1, 0))));
        }
        List<Document> pipeline = List.of(
                new Document("$match", new Document("peer.groups", group).append("peer.overall", new Document("$gte", 0L))),
                new Document("$group", sums));
        return mongo.getCollection(COLLECTION)
                .flatMap(collection -> Flux.from(collection.aggregate(pipeline)).next())
                .map(result -> {
                    Map<String, long[]> byQuestion = new LinkedHashMap<>();
                    for (int i = 0; i < ids.size(); i++) {
                        byQuestion.put(ids.get(i), new long[] {number(result, "a" + i), number(result, "d" + i)});
                    }
                    return new GroupAnswers(number(result, "companies"), byQuestion);
                })
                .defaultIfEmpty(new GroupAnswers(0, Map.of()));
    }

    /** A group's size and, per question, {answered, doing}. */
    public record GroupAnswers(long companies, Map<String, long[]> byQuestion) {
    }

    /** Submitted assessments stored before peer figures existed: id and scorecard, to be given their figures. */
    public Flux<Document> submittedWithoutFigures() {
        Query query = Query.query(Criteria.where("status").is("SUBMITTED").and("peer").exists(false));
        query.fields().include("_id", "scorecardJson", "questionnaireKey", "year", "industry", "sizeBand");
        return mongo.find(query, Document.class, COLLECTION);
    }

    /** Sets the figures of a submitted assessment that has none yet (never replaces them). */
    public Mono<Boolean> setFigures(String id, Map<String, Object> peer) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is("SUBMITTED").and("peer").exists(false)),
                new Update().set("peer", peer), COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String field(Figure figure) {
        return "peer." + figure.field();
    }
}
