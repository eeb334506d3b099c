package hk.esgone.web.partner;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.offers.OfferCatalogue;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's draft offers through offers-service's partner API, always with the person's own token: it answers
 * only offers of the person's company (another company's id is its 404), and only a DRAFT may be changed. The API
 * takes no version on {@code PUT}, so a save is made on the version read only as far as the portal can check:
 * the draft is read again just before the save and must still carry the {@code updatedAt} the form was opened
 * with (see {@link #save}).
 */
@Service
public class OfferEditor {

    private static final String MINE = "/api/v1/offers/partner/offers";

    /** An offer as the editor opens it: its id, status, the version it was read at, and its fields. */
    public record Stored(String id, String status, String version, String reviewNote, OfferEditorForm form) {

        public boolean editable() {
            return "DRAFT".equals(status);
        }

        /** Whether this is the version a form was opened at; a form without one is never taken as current. */
        public boolean isVersion(String seen) {
            Instant read = seen == null ? null : ServiceJson.instant(seen);
            return read != null && version != null && read.equals(ServiceJson.instant(version));
        }
    }

    private final ServiceApi api;
    private final OfferCatalogue catalogue;

    public OfferEditor(ServiceApi api, OfferCatalogue catalogue) {
        this.api = api;
        this.catalogue = catalogue;
    }

    /** One of the company's offers (offers-service's 404 for anyone else's). */
    public Mono<Stored> load(ServerWebExchange exchange, String offerId) {
        return api.getAsUser(exchange, ServiceApi.Service.OFFERS, MINE + "/" + offerId, null).map(OfferEditor::stored);
    }

    /** A new draft; answers it as stored. */
    public Mono<Stored> create(ServerWebExchange exchange, OfferEditorForm form) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", MINE, form.body(), Map.of()).map(OfferEditor::stored);
    }

    /**
     * Replaces the draft with {@code form}. The caller has just read it at the version the form was opened with
     * ({@link Stored#isVersion}); a save by someone else between that read and this write is the one window the API
     * leaves open (it has no If-Match).
     */
    public Mono<Stored> save(ServerWebExchange exchange, String offerId, OfferEditorForm form) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "PUT", MINE + "/" + offerId, form.body(), Map.of())
                .map(OfferEditor::stored);
    }

    /** Sends the draft for approval. */
    public Mono<Stored> submit(ServerWebExchange exchange, String offerId) {
        return api.sendAsUser(exchange, ServiceApi.Service.OFFERS, "POST", MINE + "/" + offerId + "/submit", Map.of(), Map.of())
                .map(OfferEditor::stored);
    }

    /** {@code form} as the public offer page would show it, with the partner's and any required badge's names. */
    public Mono<OfferCatalogue.Offer> preview(OfferEditorForm form, String partnerId) {
        return catalogue.offer(JsonMapper.shared().valueToTree(form.asOffer(partnerId)));
    }

    private static Stored stored(JsonNode offer) {
        return new Stored(offer.path("id").asString(""), offer.path("status").asString(""), offer.path("updatedAt").asString(null),
                offer.path("reviewNote").asString(null), OfferEditorForm.of(offer));
    }
}
