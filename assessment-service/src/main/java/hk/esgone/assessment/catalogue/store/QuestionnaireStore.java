package hk.esgone.assessment.catalogue.store;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import hk.esgone.assessment.catalogue.PublishedQuestionnaire;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code questionnaires} collection: published versions, never changed once stored. */
@Component
public class QuestionnaireStore {

    private final ReactiveMongoTemplate mongo;

    QuestionnaireStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One document per key and version (two admins publishing the same version: one wins). */
    public Mono<Void> createIndexes() {
        return mongo.indexOps(QuestionnaireDocument.class)
                .createIndex(new Index().on("key", Sort.Direction.ASC).on("version", Sort.Direction.DESC).unique()
                        .named("key_version_unique"))
                .then();
    }

    /** Stores a new version; a version already stored fails with a duplicate-key error. */
    public Mono<PublishedQuestionnaire> insert(PublishedQuestionnaire q) {
        return mongo.insert(new QuestionnaireDocument(q.id(), q.key(), q.version(), q.json(), q.scoringJson(), q.publishedAt(),
                q.publishedBy()))
                .map(QuestionnaireStore::toPublished);
    }

    public Mono<PublishedQuestionnaire> find(String key, int version) {
        return mongo.findById(key + ":" + version, QuestionnaireDocument.class).map(QuestionnaireStore::toPublished);
    }

    public Mono<PublishedQuestionnaire> newest(String key) {
        return mongo.findOne(Query.query(Criteria.where("key").is(key)).with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                QuestionnaireDocument.class).map(QuestionnaireStore::toPublished);
    }

    /** Every version of every key, newest first within a key. */
    public Flux<PublishedQuestionnaire> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Order.asc("key"), Sort.Order.desc("version"))), QuestionnaireDocument.class)
                .map(QuestionnaireStore::toPublished);
    }

    private static PublishedQuestionnaire toPublished(QuestionnaireDocument d) {
        return new PublishedQuestionnaire(d.key(), d.version(), d.json(), d.scoringJson(), d.publishedAt(), d.publishedBy());
    }
}
