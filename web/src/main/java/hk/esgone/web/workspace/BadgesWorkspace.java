package hk.esgone.web.workspace;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.config.WebProperties;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.support.ServiceJson;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * An SME's e-badges and the websites that may show them, through badge-service's API with the person's own token:
 * the company's badges with their live status, the embed code of each (script, iframe, image) pointing at the
 * marketplace's public address, and the allowed-domains setting. The company is the one in the person's token;
 * badge-service decides whether they may read or change its settings.
 */
@Service
public class BadgesWorkspace {

    /** One badge of the company, with what a website needs to show it. */
    public record BadgeCard(String id, Bilingual name, String status, String achievementKind, String scorecardLevel,
                            Instant validUntil, String verifyUrl, String scriptUrl, String frameUrl, String imageUrl) {

        public boolean valid() {
            return "VALID".equals(status);
        }

        /** The last day it is valid, in Hong Kong time. */
        public ZonedDateTime validUntilLocal() {
            return validUntil == null ? null : validUntil.atZone(ClaimsWorkspace.HONG_KONG);
        }

        /** The one-line embed: the script draws the badge and polls its live status. */
        public String scriptSnippet(String lang) {
            return "<script src=\"" + scriptUrl + "\" data-badge-id=\"" + id + "\" data-lang=\"" + lang + "\" async></script>";
        }

        /** Without scripts: the badge in a frame (the documented size fits both languages). */
        public String frameSnippet(String lang, String title) {
            return "<iframe src=\"" + frameUrl + "?lang=" + lang + "\" width=\"324\" height=\"100\" title=\"" + attribute(title)
                    + "\" loading=\"lazy\"></iframe>";
        }

        /** As an image, linked to the verification page. */
        public String imageSnippet(String lang, String alt) {
            return "<a href=\"" + verifyUrl + "?lang=" + lang + "\"><img src=\"" + imageUrl + "?lang=" + lang + "\" alt=\""
                    + attribute(alt) + "\" width=\"324\" height=\"100\"></a>";
        }

        private static String attribute(String text) {
            return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    /** The company's badges and its widget setting; {@code company} is null when the account has none yet. */
    public record MyBadges(String company, List<BadgeCard> badges, List<String> allowedDomains) {
    }

    /** At most this many websites in the setting (the form refuses more before asking badge-service). */
    public static final int MAX_DOMAINS = 50;

    private final ServiceApi api;
    private final WebProperties web;

    public BadgesWorkspace(ServiceApi api, WebProperties web) {
        this.api = api;
        this.web = web;
    }

    public Mono<MyBadges> myBadges(ServerWebExchange exchange) {
        // one after the other: the first call refreshes the person's token if it is due, the second uses that one
        return MyCompany.of(exchange).flatMap(company -> api.getAsUser(exchange, ServiceApi.Service.BADGES, "/api/v1/badges/holders/" + company, null)
                .flatMap(holdings -> api.getAsUser(exchange, ServiceApi.Service.BADGES, settingsPath(company), null)
                        .map(settings -> new MyBadges(company, cards(holdings), domains(settings)))))
                .switchIfEmpty(Mono.fromSupplier(() -> new MyBadges(null, List.of(), List.of())));
    }

    /** Saves the websites allowed to show the company's badges; answers the list as badge-service stored it. */
    public Mono<List<String>> saveDomains(ServerWebExchange exchange, List<String> domains) {
        return MyCompany.of(exchange)
                // no company in the token: nothing to change (badge-service would refuse it too)
                .switchIfEmpty(Mono.error(() -> new ServiceFailure(HttpStatus.FORBIDDEN, NullNode.getInstance(), null)))
                .flatMap(company -> api.sendAsUser(exchange, ServiceApi.Service.BADGES, "PUT", settingsPath(company),
                        Map.of("allowedDomains", domains), Map.of()))
                .map(BadgesWorkspace::domains);
    }

    private static String settingsPath(String company) {
        return "/api/v1/badges/companies/" + company + "/widget-settings";
    }


    private List<BadgeCard> cards(JsonNode holdings) {
        List<BadgeCard> cards = new ArrayList<>();
        for (JsonNode badge : holdings.path("badges")) {
            String id = badge.path("id").asString("");
            if (!Ids.BADGE.isValid(id)) {
                continue;
            }
            cards.add(new BadgeCard(id, Bilingual.of(badge.path("name")), badge.path("status").asString("UNKNOWN"),
                    badge.path("achievementKind").asString(null), badge.path("scorecardLevel").asString(null),
                    ServiceJson.instant(badge.path("validUntil").asString(null)),
                    web.publicUrl("/badges/" + id), web.publicUrl("/widget/badge.js"),
                    web.publicUrl("/widget/badges/" + id + "/frame"), web.publicUrl("/widget/badges/" + id + ".svg")));
        }
        return cards;
    }

    private static List<String> domains(JsonNode settings) {
        List<String> domains = new ArrayList<>();
        settings.path("allowedDomains").forEach(d -> domains.add(d.asString()));
        return domains;
    }
}
