package hk.esgone.directory.badges;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

import org.springframework.stereotype.Service;

import hk.esgone.directory.badges.store.HeldBadgeDocument;
import hk.esgone.directory.badges.store.HeldBadges;
import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.platform.ids.Ids;
import reactor.core.publisher.Mono;

/**
 * Applies badge events to the directory: the badge's latest state is stored by badge id, and the
 * company's badge list (which the index shows) is recomputed from all its stored badges. Applying an
 * event twice, or replaying the feed from its start, ends in the same state; an event older than the
 * badge's stored state (by {@code occurredAt}) is skipped, so a replay does not even flip it back and forth.
 */
@Service
public class CompanyBadgeHoldings {

    private static final Set<String> VERIFYING = Set.of("BADGE_ISSUED", "BADGE_RENEWED", "BADGE_REINSTATED");

    private final HeldBadges badges;
    private final CompanyRepository companies;
    private final BadgeCatalog catalog;

    CompanyBadgeHoldings(HeldBadges badges, CompanyRepository companies, BadgeCatalog catalog) {
        this.badges = badges;
        this.companies = companies;
        this.catalog = catalog;
    }

    public Mono<Void> ensureIndexes() {
        return badges.ensureIndexes()
                .then(badges.findAll().doOnNext(b -> catalog.remember(b.achievementId(), b.name())).then());
    }

    /** @return false when the event was malformed and skipped */
    Mono<Boolean> apply(BadgeEvents.Event event) {
        BadgeEvents.Badge badge = event.badge();
        if (badge == null || badge.id() == null || badge.id().isBlank() || badge.id().length() > 100
                || !Ids.COMPANY.isValid(badge.companyId()) || badge.status() == null) {
            return Mono.just(false);
        }
        HeldBadgeDocument doc = new HeldBadgeDocument(badge.id(), badge.companyId(), cap(badge.achievementId(), 100),
                cap(badge.achievementKind(), 60), cap(badge.scorecardLevel(), 30), cap(badge.name()), cap(badge.status(), 30),
                badge.validFrom(), badge.validUntil(), cap(event.id(), 100), cap(event.type(), 40), event.occurredAt());
        catalog.remember(doc.achievementId(), doc.name());
        Instant verifiedAt = VERIFYING.contains(event.type()) ? event.occurredAt() : null;
        return badges.findById(doc.id())
                .map(stored -> isOlder(event, stored))
                .defaultIfEmpty(false)
                .flatMap(older -> older
                        // a replayed or late event describes an older state than the one stored: skip it
                        ? Mono.just(true)
                        : badges.save(doc).then(sync(badge.companyId(), verifiedAt)).thenReturn(true));
    }

    /** Recomputes a company's badge list from the stored badges; no write when nothing changed. */
    public Mono<Void> sync(String companyId, Instant verifiedAt) {
        return badges.findByCompany(companyId)
                .map(b -> new Company.BadgeHolding(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(),
                        b.name(), b.status(), b.validFrom(), b.validUntil()))
                .collectSortedList(Comparator.comparing(Company.BadgeHolding::achievementId, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Company.BadgeHolding::badgeId))
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
    private static boolean isOlder(BadgeEvents.Event event, HeldBadgeDocument stored) {
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
