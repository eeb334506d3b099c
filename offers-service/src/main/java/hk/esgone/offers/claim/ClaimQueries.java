package hk.esgone.offers.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import hk.esgone.offers.claim.store.ClaimStore;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.support.Keyset;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Lists and figures over claims. CANCELLING (a cancel in progress) reads as CANCELLED. */
@Component
public class ClaimQueries {

    private final ClaimStore store;
    private final CursorCodec cursors;
    private final Clock clock;

    ClaimQueries(ClaimStore store, CursorCodec cursors, Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** A company's claims, newest first. */
    public Mono<Page<ClaimDocument>> ofCompany(String companyId, ClaimStatus status, String cursor, int limit) {
        String query = "company|" + companyId + "|" + status;
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return store.ofCompany(companyId, status, clock.instant(), after, limit + 1).map(found -> page(found, limit, query));
    }

    /** Claims on a partner's offers (one offer, or all), newest first. */
    public Mono<Page<ClaimDocument>> ofPartner(String partnerId, String offerId, ClaimStatus status, String cursor, int limit) {
        String query = "partner|" + partnerId + "|" + offerId + "|" + status;
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return store.ofPartner(partnerId, offerId, status, clock.instant(), after, limit + 1).map(found -> page(found, limit, query));
    }

    /** Every visible claim of an offer, oldest first, for the CSV export. */
    public Flux<ClaimDocument> allOfOffer(String offerId) {
        return store.allOfOffer(offerId);
    }

    private Page<ClaimDocument> page(List<ClaimDocument> found, int limit, String query) {
        return Keyset.page(found, limit, c -> Keyset.position(c.claimedAt(), c.id()), cursors, query);
    }

    public record DayCount(String date, long claims) {
    }

    /** Claims made on days of the range ({@code claims}, cancelled ones included) and how many of them are now redeemed. */
    public record RangeCounts(long claims, long redeemed) {
    }

    /**
     * @param claimed        claims that hold a place (active, redeemed, expired), since the offer began
     * @param redemptionRate redeemed / claimed, 0 when nothing was claimed
     * @param claimsPerDay   claims made per day (Hong Kong time) from {@code from} to {@code to}, including those later
     *                       cancelled; days without claims are absent
     * @param inRange        the claims made from {@code from} to {@code to}
     */
    public record Figures(String offerId, OfferStatus status, int quota, int remaining, long claimed, long active, long redeemed,
                          long cancelled, long expired, BigDecimal redemptionRate, String timeZone, LocalDate from, LocalDate to,
                          List<DayCount> claimsPerDay, RangeCounts inRange) {
    }

    /** The offer's figures; the per-day counts and {@code inRange} cover the Hong Kong days {@code from}..{@code to}. */
    public Mono<Figures> figures(OfferDocument offer, LocalDate from, LocalDate to) {
        String first = from.toString();
        String last = to.toString();
        Instant now = clock.instant();
        boolean ended = !now.isBefore(offer.validUntil());
        return store.countsByDayAndStatus(offer.id()).map(groups -> {
            Map<String, Long> perDay = new TreeMap<>();
            long active = 0;
            long redeemed = 0;
            long cancelled = 0;
            long expired = 0;
            long claimsInRange = 0;
            long redeemedInRange = 0;
            for (ClaimStore.DayStatusCount g : groups) {
                long n = g.count();
                // ISO dates of one width compare as text
                if (g.day() != null && g.day().compareTo(first) >= 0 && g.day().compareTo(last) <= 0) {
                    perDay.merge(g.day(), n, Long::sum);
                    claimsInRange += n;
                    if (g.status() == ClaimStatus.REDEEMED) {
                        redeemedInRange += n;
                    }
                }
                switch (g.status()) {
                    case ACTIVE -> {
                        if (ended) {
                            expired += n;
                        } else {
                            active += n;
                        }
                    }
                    case REDEEMED -> redeemed += n;
                    case EXPIRED -> expired += n;
                    case CANCELLING, CANCELLED -> cancelled += n;
                }
            }
            long claimed = active + redeemed + expired;
            BigDecimal rate = claimed == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(redeemed).divide(BigDecimal.valueOf(claimed), 4, RoundingMode.HALF_UP);
            List<DayCount> days = perDay.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
            return new Figures(offer.id(), offer.effectiveStatus(now), offer.quota(), Math.max(0, offer.remaining()), claimed, active,
                    redeemed, cancelled, expired, rate, ClaimService.DAY_ZONE.getId(), from, to, days,
                    new RangeCounts(claimsInRange, redeemedInRange));
        });
    }
}
