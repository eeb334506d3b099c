package hk.esgone.badge.achievement.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import hk.esgone.badge.achievement.Achievement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code achievements} collection. */
@Component
public class AchievementStore {

    private final ReactiveMongoTemplate mongo;

    AchievementStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new achievement; an existing id fails with {@link DuplicateKeyException}. */
    public Mono<Achievement> insert(Achievement achievement) {
        return mongo.insert(AchievementDocument.of(achievement)).map(AchievementDocument::toAchievement);
    }

    /** Inserts the achievement unless one with its id exists, which is then returned as it is. */
    public Mono<Achievement> insertIfAbsent(Achievement achievement) {
        return insert(achievement).onErrorResume(DuplicateKeyException.class, e -> findById(achievement.id()));
    }

    public Mono<Achievement> save(Achievement achievement) {
        return mongo.save(AchievementDocument.of(achievement)).map(AchievementDocument::toAchievement);
    }

    public Mono<Achievement> findById(String id) {
        return mongo.findById(id, AchievementDocument.class).map(AchievementDocument::toAchievement);
    }

    /** A page sorted by id; {@code after} is the last id of the previous page. */
    public Flux<Achievement> list(String after, int limit, boolean includeArchived) {
        Criteria criteria = new Criteria();
        if (after != null) {
            criteria = Criteria.where("_id").gt(after);
        }
        if (!includeArchived) {
            criteria = criteria.and("archived").is(false);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), AchievementDocument.class)
                .map(AchievementDocument::toAchievement);
    }
}
