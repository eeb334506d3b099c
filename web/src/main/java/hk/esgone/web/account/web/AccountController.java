package hk.esgone.web.account.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.account.AccountOverview;
import hk.esgone.web.support.LocalPaths;
import reactor.core.publisher.Mono;

/**
 * Signing in and the account page. {@code /sign-in} needs a signed-in person, so Spring Security first sends the
 * browser through Keycloak's login page and back; then it returns to the page the person came from. Signing out is
 * a POST form to {@code /sign-out} (with its CSRF token) handled by Spring Security, which ends the Keycloak
 * session as well.
 */
@Controller
class AccountController {

    private final AccountOverview overview;

    AccountController(AccountOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/sign-in")
    ResponseEntity<Void> signIn(@RequestParam(required = false) String next) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(LocalPaths.safe(next))).build();
    }

    @GetMapping("/account")
    Mono<Rendering> account(@RequestParam(required = false) String applied, ServerWebExchange exchange) {
        // one after the other: the first call refreshes the person's token if it is due, the second uses that one
        return overview.of(exchange).flatMap(membership -> overview.applications(exchange).map(applications ->
                Rendering.view("account/account")
                        .modelAttribute("membership", membership)
                        .modelAttribute("applications", applications)
                        // just sent from "Register my company": said above the list, once
                        .modelAttribute("applied", applications.stream().anyMatch(a -> a.id().equals(applied)) ? applied : null)
                        .build()));
    }
}
