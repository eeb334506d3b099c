package hk.esgone.badge.achievement;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Locale;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import hk.esgone.badge.achievement.store.AchievementStore;
import hk.esgone.badge.support.Shorten;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Badge types: defined and changed by admins, read by everyone. */
@Service
public class AchievementService {

    private final AchievementStore store;
    private final Clock clock;

    AchievementService(AchievementStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<Achievement> create(AchievementDefinition request) {
        checkConsistent(request);
        String id = request.id() != null ? request.id() : slugId(request.name().en());
        Instant now = clock.instant();
        Achievement achievement = toAchievement(id, request, now, now);
        return store.insert(achievement)
                .onErrorMap(DuplicateKeyException.class, e -> ApiProblem.conflict("achievement-exists",
                        "An achievement with id '" + id + "' already exists; choose another id or update that one."));
    }

    public Mono<Achievement> update(String id, AchievementDefinition request) {
        checkConsistent(request);
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiProblem.validation("The id in the body ('" + request.id() + "') differs from the id in the path.");
        }
        return find(id).flatMap(existing -> {
            if (existing.kind() != request.kind()) {
                return Mono.error(ApiProblem.conflict("achievement-kind-fixed",
                        "The kind of an achievement cannot change once defined; create a new achievement instead."));
            }
            Achievement changed = toAchievement(id, request, existing.createdAt(), clock.instant());
            return store.save(new Achievement(changed.id(), changed.kind(), changed.name(), changed.description(), changed.criteria(),
                    changed.criteriaUrl(), changed.imageUrl(), changed.validity(), changed.scorecardLevel(), existing.archived(),
                    changed.createdAt(), changed.updatedAt()));
        });
    }

    public Mono<Achievement> archive(String id, boolean archived) {
        return find(id).flatMap(a -> store.save(new Achievement(a.id(), a.kind(), a.name(), a.description(), a.criteria(),
                a.criteriaUrl(), a.imageUrl(), a.validity(), a.scorecardLevel(), archived, a.createdAt(), clock.instant())));
    }

    /** The achievement, or a 404 problem. */
    public Mono<Achievement> find(String id) {
        if (!Ids.ACHIEVEMENT.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Achievement", Shorten.shorten(String.valueOf(id), 80)));
        }
        return store.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Achievement", id)));
    }

    public Mono<Achievement> findOrNull(String id) {
        return Ids.ACHIEVEMENT.isValid(id) ? store.findById(id) : Mono.empty();
    }

    /** A page sorted by id; {@code after} is the last id of the previous page. */
    public Flux<Achievement> list(String after, int limit, boolean includeArchived) {
        return store.list(after, limit, includeArchived);
    }

    public Mono<Achievement> insertIfAbsent(Achievement achievement) {
        return store.insertIfAbsent(achievement);
    }

    private static void checkConsistent(AchievementDefinition request) {
        if (request.kind() == AchievementKind.SCORECARD_LEVEL && request.scorecardLevel() == null) {
            throw ApiProblem.validation("A SCORECARD_LEVEL achievement needs a scorecardLevel (BRONZE, SILVER, GOLD or PLATINUM).");
        }
        if (request.kind() != AchievementKind.SCORECARD_LEVEL && request.scorecardLevel() != null) {
            throw ApiProblem.validation("Only a SCORECARD_LEVEL achievement has a scorecardLevel.");
        }
        Period period = Period.parse(request.validity());
        if (period.isZero() || period.isNegative() || period.toTotalMonths() > 120 || period.getDays() > 3660) {
            throw ApiProblem.validation("validity must be a period between one day and ten years.");
        }
    }

    private static Achievement toAchievement(String id, AchievementDefinition r, Instant createdAt, Instant updatedAt) {
        return new Achievement(id, r.kind(), r.name(), r.description(), r.criteria(), r.criteriaUrl(), r.imageUrl(), r.validity(), r.scorecardLevel(), false,
                createdAt, updatedAt);
    }

    static String slugId(String englishName) {
        String ascii = Normalizer.normalize(englishName, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        if (slug.length() < 3) {
            return Ids.ACHIEVEMENT.newId(10);
        }
        return "ach-" + slug;
    }
}
