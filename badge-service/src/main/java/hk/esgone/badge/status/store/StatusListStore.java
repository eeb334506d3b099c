package hk.esgone.badge.status.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import hk.esgone.badge.issuing.store.IssuedBadgeDocument;
import hk.esgone.badge.support.store.Counters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the status lists are built from: the position counter, a version per list (collection {@code status_lists},
 * bumped after every change) and the flags of the badges themselves.
 */
@Component
public class StatusListStore {

    private static final String COLLECTION = "status_lists";
    private static final String POSITIONS = "status-position";

    private final ReactiveMongoTemplate mongo;
    private final Counters counters;

    StatusListStore(ReactiveMongoTemplate mongo, Counters counters) {
        this.mongo = mongo;
        this.counters = counters;
    }

    /** The next status position number, starting at 1. */
    public Mono<Long> nextPosition() {
        return counters.next(POSITIONS);
    }

    /** How many positions were handed out so far (0 when none). */
    public Mono<Long> positionsHandedOut() {
        return mongo.findById(POSITIONS, Document.class, "counters")
                .map(doc -> ((Number) doc.get("value")).longValue())
                .defaultIfEmpty(0L);
    }

    public Mono<Void> bumpVersion(String listKey) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(listKey)), new Update().inc("version", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION).then();
    }

    /** The list's version, 0 before its first change. */
    public Mono<Long> version(String listKey) {
        return mongo.findById(listKey, Document.class, COLLECTION)
                .map(doc -> ((Number) doc.get("version")).longValue())
                .defaultIfEmpty(0L);
    }

    /** Status indexes in list {@code list} of the badges that are revoked ({@code revoked}) or else suspended. */
    public Flux<Integer> flaggedIndexes(int list, boolean revoked) {
        Criteria which = Criteria.where("statusList").is(list);
        which = revoked ? which.and("revokedAt").ne(null) : which.and("suspended").is(true);
        Query query = Query.query(which);
        query.fields().include("statusIndex");
        // a projection: read as a plain document, the record type needs every field
        return mongo.find(query, Document.class, mongo.getCollectionName(IssuedBadgeDocument.class))
                .map(b -> ((Number) b.get("statusIndex")).intValue());
    }
}
