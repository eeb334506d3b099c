package hk.esgone.web.account;

import java.util.Arrays;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Renews the signed-in person's tokens now, before they expire. Once staff approve a company the person applied for,
 * Keycloak's next token names the company; renewing then lets the person work in it at once, without signing out
 * and in again. At most once per company and session, so a company Keycloak has not set up yet cannot make every
 * page ask Keycloak.
 */
public class SessionRenewal {

    /** The session attribute naming the companies renewed for (comma-separated: plain text in any session store). */
    private static final String RENEWED_FOR = SessionRenewal.class.getName() + ".renewedFor";

    private final ReactiveOAuth2AuthorizedClientManager renewNow;
    private final ServerOAuth2AuthorizedClientRepository authorizedClients;

    /** {@code renewNow} refreshes whatever the token's expiry and renews the person in the session from the new one. */
    public SessionRenewal(ReactiveOAuth2AuthorizedClientManager renewNow, ServerOAuth2AuthorizedClientRepository authorizedClients) {
        this.renewNow = renewNow;
        this.authorizedClients = authorizedClients;
    }

    /**
     * Renews the tokens for {@code companyId} unless this session did already: true when it renewed (the page is best
     * asked for again, with the renewed person), false otherwise, also when Keycloak could not renew them.
     */
    public Mono<Boolean> renewOnceFor(String companyId, ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            String done = session.getAttributeOrDefault(RENEWED_FOR, "");
            if (Arrays.asList(done.split(",")).contains(companyId)) {
                return Mono.just(false);
            }
            session.getAttributes().put(RENEWED_FOR, done.isEmpty() ? companyId : done + "," + companyId);
            return exchange.getPrincipal().filter(OAuth2AuthenticationToken.class::isInstance).cast(OAuth2AuthenticationToken.class)
                    .flatMap(person -> authorizedClients.loadAuthorizedClient(person.getAuthorizedClientRegistrationId(), person, exchange)
                            .flatMap(client -> renewNow.authorize(OAuth2AuthorizeRequest.withAuthorizedClient(client).principal(person)
                                    .attribute(ServerWebExchange.class.getName(), exchange).build())))
                    .map(renewed -> true)
                    // Keycloak unreachable or the session ended there: the page as it is; the next sign-in brings the company
                    .onErrorResume(failure -> Mono.just(false))
                    .defaultIfEmpty(false);
        });
    }
}
