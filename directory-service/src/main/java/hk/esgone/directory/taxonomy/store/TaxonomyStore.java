package hk.esgone.directory.taxonomy.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import hk.esgone.directory.taxonomy.TaxonomyEntry;
import hk.esgone.directory.taxonomy.TaxonomyType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The taxonomy codes ({@code taxonomy}). */
@Repository
public class TaxonomyStore {

    private final ReactiveMongoTemplate mongo;

    TaxonomyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a seed code if it is missing; never overwrites a stored one. */
    public Mono<Void> insertIfMissing(TaxonomyType type, TaxonomyEntry entry, Instant now) {
        Update insertOnly = new Update()
                .setOnInsert("type", type)
                .setOnInsert("code", entry.code())
                .setOnInsert("label", entry.label())
                .setOnInsert("group", entry.group())
                .setOnInsert("order", entry.order())
                .setOnInsert("active", true)
                .setOnInsert("minOverall", entry.minOverall())
                .setOnInsert("seeded", true)
                .setOnInsert("updatedAt", now);
        return mongo.upsert(query(where("_id").is(TaxonomyEntryDocument.idOf(type, entry.code()))), insertOnly,
                TaxonomyEntryDocument.class).then();
    }

    public Flux<TaxonomyEntryDocument> findAll() {
        return mongo.findAll(TaxonomyEntryDocument.class);
    }

    public Mono<TaxonomyEntryDocument> findById(String id) {
        return mongo.findById(id, TaxonomyEntryDocument.class);
    }

    public Mono<TaxonomyEntryDocument> save(TaxonomyEntryDocument entry) {
        return mongo.save(entry);
    }
}
