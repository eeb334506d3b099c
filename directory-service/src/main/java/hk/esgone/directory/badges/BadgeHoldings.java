package hk.esgone.directory.badges;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import hk.esgone.directory.common.Bilingual;
import hk.esgone.directory.company.domain.CompanyDocument;
import hk.esgone.platform.ids.Ids;
import hk.esgone.directory.company.domain.CompanyRepository;
import reactor.core.publisher.Mono;

/**
 * Applies badge events to the directory: the badge's latest state is stored by badge id, and the
 * company's badge list (which the index shows) is recomputed from all its stored badges. Applying an
 * event twice, or replaying the feed from its start, ends in the same state; an event older than the
 * badge's stored state (by {@code occurredAt}) is skipped, so a replay does not even flip it back and forth.
 */
@Service
public class BadgeHoldings {

    private static final Set<String> VERIFYING = Set.of("BADGE_ISSUED", "BADGE_RENEWED", "BADGE_REINSTATED");

    private final ReactiveMongoTemplate mongo;
    private final CompanyRepository companies;
    private final BadgeCatalog catalog;

    BadgeHoldings(ReactiveMongoTemplate mongo, CompanyRepository companies, BadgeCatalog catalog) {
        this.mongo = mongo;
        this.companies = companies;
        this.catalog = catalog;
    }

    public Mono<Void> ensureIndexes() {
        return mongo.indexOps(BadgeDocument.class)
                .createIndex(new Index().on("companyId", Sort.Direction.ASC).named("company"))
                .then(mongo.findAll(BadgeDocument.class).doOnNext(b -> catalog.remember(b.achievementId(), b.name())).then());
    }

    /** @return false when the event was malformed and skipped */
    Mono<Boolean> apply(BadgeEvents.Event event) {
        BadgeEvents.Badge badge = event.badge();
        if (badge == null || badge.id() == null || badge.id().isBlank() || badge.id().length() > 100
                || !Ids.COMPANY.isValid(badge.companyId()) || badge.status() == null) {
            return Mono.just(false);
        }
        BadgeDocument doc = new BadgeDocument(badge.id(), badge.companyId(), cap(badge.achievementId(), 100),
                cap(badge.achievementKind(), 60), cap(badge.scorecardLevel(), 30), cap(badge.name()), cap(badge.status(), 30),
                badge.validFrom(), badge.validUntil(), cap(event.id(), 100), cap(event.type(), 40), event.occurredAt());
        catalog.remember(doc.achievementId(), doc.name());
        Instant verifiedAt = VERIFYING.contains(event.type()) ? event.occurredAt() : null;
        return mongo.findById(doc.id(), BadgeDocument.class)
                .map(stored -> isOlder(event, stored))
                .defaultIfEmpty(false)
                .flatMap(older -> older
                        // a replayed or late event describes an older state than the one stored: skip it
                        ? Mono.just(true)
                        : mongo.save(doc).then(sync(badge.companyId(), verifiedAt)).thenReturn(true));
    }

    /** Recomputes a company's badge list from the stored badges; no write when nothing changed. */
    public Mono<Void> sync(String companyId, Instant verifiedAt) {
        return mongo.find(query(where("companyId").is(companyId)), BadgeDocument.class)
                .map(b -> new CompanyDocument.BadgeHolding(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(),
                        b.name(), b.status(), b.validFrom(), b.validUntil()))
                .collectSortedList(Comparator.comparing(CompanyDocument.BadgeHolding::achievementId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(CompanyDocument.BadgeHolding::badgeId))
                .flatMap(holdings -> companies.findById(companyId)
                        .flatMap(found -> companies.update(companyId, current -> {
                            boolean sameBadges = current.badges().equals(holdings);
                            boolean newerVerification = verifiedAt != null
                                    && (current.lastVerifiedAt() == null || verifiedAt.isAfter(current.lastVerifiedAt()));
                            if (sameBadges && !newerVerification) {
                                return current;
                            }
                            return current.toBuilder().badges(holdings).verifiedAt(verifiedAt).build();
                        })))
                .then();
    }

    /** The very event already applied, or one that happened before it (MongoDB keeps milliseconds). */
    private static boolean isOlder(BadgeEvents.Event event, BadgeDocument stored) {
        if (event.id() != null && event.id().equals(stored.lastEventId())) {
            return true;
        }
        return event.occurredAt() != null && stored.lastEventAt() != null
                && event.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isBefore(stored.lastEventAt());
    }

    private static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Bilingual cap(Bilingual text) {
        return text == null ? null : new Bilingual(cap(text.en(), 200), cap(text.zhHant(), 200));
    }

}
