package hk.esgone.web.workspace;

import java.util.Optional;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.support.PageModel;
import reactor.core.publisher.Mono;

/**
 * The company a workspace page is about: the one in the signed-in person's token (organization), never one named in
 * the address, so no page can be pointed at another company. Empty when the person has none yet.
 */
public final class MyCompany {

    private MyCompany() {
    }

    public static Mono<String> of(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .flatMap(principal -> Mono.justOrEmpty(Optional.ofNullable(PageModel.account((OAuth2AuthenticationToken) principal).company())))
                .filter(Ids.COMPANY::isValid);
    }
}
