package hk.esgone.directory.badges.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The badges companies hold ({@code badges}), by badge id. */
@Repository
public class HeldBadges {

    private final ReactiveMongoTemplate mongo;

    HeldBadges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the index by company (idempotent). */
    public Mono<Void> ensureIndexes() {
        return mongo.indexOps(HeldBadgeDocument.class)
                .createIndex(new Index().on("companyId", Sort.Direction.ASC).named("company"))
                .then();
    }

    public Flux<HeldBadgeDocument> findAll() {
        return mongo.findAll(HeldBadgeDocument.class);
    }

    public Mono<HeldBadgeDocument> findById(String badgeId) {
        return mongo.findById(badgeId, HeldBadgeDocument.class);
    }

    public Flux<HeldBadgeDocument> findByCompany(String companyId) {
        return mongo.find(query(where("companyId").is(companyId)), HeldBadgeDocument.class);
    }

    public Mono<HeldBadgeDocument> save(HeldBadgeDocument badge) {
        return mongo.save(badge);
    }
}
