package hk.esgone.offers.offer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import hk.esgone.offers.eligibility.CompanyFacts;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.support.Keyset;
import hk.esgone.offers.support.QueryText;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/** The public catalogue: published offers inside their validity window, filtered, searchable, newest listing first. */
@Service
public class OfferCatalogue {

    private static final int MAX_TERMS = 5;
    private static final int MAX_QUERY = 100;

    private final OfferStore store;
    private final CursorCodec cursors;
    private final Clock clock;

    OfferCatalogue(OfferStore store, CursorCodec cursors, Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** Catalogue filters; all optional. */
    public record CatalogueQuery(String partnerId, OfferType type, OfferCategory category, String text) {
    }

    /**
     * Published offers inside their validity window, newest listing first. With {@code facts}, only
     * offers the company is eligible for (unknown facts match no offer that requires them).
     */
    public Mono<Page<OfferDocument>> catalogue(CatalogueQuery q, String companyId, CompanyFacts facts, String cursor, int limit) {
        List<String> terms = terms(q.text());
        String query = "catalogue|" + q.partnerId() + "|" + q.type() + "|" + q.category() + "|" + String.join(" ", terms)
                + "|" + (facts == null ? "-" : companyId);
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return store.catalogue(q.partnerId(), q.type(), q.category(), terms, facts, clock.instant(), after, limit + 1)
                .map(found -> Keyset.page(found, limit, o -> Keyset.position(o.listedAt(), o.id()), cursors, query));
    }

    /** One offer of the catalogue: published and inside its window, otherwise not found. */
    public Mono<OfferDocument> catalogueOffer(String id) {
        if (!Ids.OFFER.isValid(id)) {
            return Mono.error(ApiProblem.notFound("Offer", String.valueOf(id)));
        }
        return store.find(id).filter(o -> o.effectiveStatus(clock.instant()) == OfferStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Offer", id)));
    }

    private static List<String> terms(String text) {
        // checked before it becomes a regular expression: BSON cannot carry a NUL in one, nor a lone surrogate
        if (QueryText.check("q", text, MAX_QUERY) == null || text.isBlank()) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        for (String t : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!t.isEmpty() && !terms.contains(t)) {
                terms.add(t);
            }
        }
        if (terms.size() > MAX_TERMS) {
            throw ApiProblem.validation("q may hold at most " + MAX_TERMS + " words.");
        }
        return terms;
    }
}
