package hk.esgone.web.account.web;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.account.AccountOverview;
import hk.esgone.web.account.SessionRenewal;
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
    private final SessionRenewal renewal;

    AccountController(AccountOverview overview, SessionRenewal renewal) {
        this.overview = overview;
        this.renewal = renewal;
    }

    @GetMapping("/sign-in")
    ResponseEntity<Void> signIn(@RequestParam(required = false) String next) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(LocalPaths.safe(next))).build();
    }

    /** "/workspace" typed or bookmarked (no page of its own): the account page, which leads to each workspace the person has. */
    @GetMapping({"/workspace", "/workspace/"})
    ResponseEntity<Void> workspace() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/account")).build();
    }

    /**
     * Someone typing in a long form (an offer, a company's application or profile): called by site.js at most every
     * few minutes while they type, so that neither the portal's session nor Keycloak's ends while they are busy and
     * the form is not lost when they send it. Signed-in people only (under /account), with the CSRF header.
     */
    @PostMapping("/account/keep-signed-in")
    Mono<ResponseEntity<Void>> keepSignedIn(ServerWebExchange exchange) {
        return overview.keepSignedIn(exchange).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/account")
    Mono<Rendering> account(@RequestParam(required = false) String applied, ServerWebExchange exchange) {
        // one after the other: the first call refreshes the person's token if it is due, the second uses that one
        return overview.of(exchange).flatMap(membership -> overview.applications(exchange).flatMap(applications -> {
            // a company staff approved since the person's token was made: a renewed token names it, so the company's
            // workspace opens now, without signing out and in again (the page asked for again with the renewed person)
            String approved = applications.stream().filter(a -> a.status().equals("PUBLISHED") && !membership.companyIds().contains(a.id()))
                    .map(AccountOverview.Application::id).findFirst().orElse(null);
            Mono<Boolean> renewed = approved == null ? Mono.just(false) : renewal.renewOnceFor(approved, exchange);
            return renewed.map(again -> again
                    ? Rendering.redirectTo(UriComponentsBuilder.fromPath("/account").queryParamIfPresent("applied", Optional.ofNullable(applied)
                            .filter(id -> applications.stream().anyMatch(a -> a.id().equals(id)))).build().encode().toUriString()).build()
                    : Rendering.view("account/account")
                            .modelAttribute("membership", membership)
                            .modelAttribute("applications", applications)
                            // just sent from "Register my company": said above the list, once
                            .modelAttribute("applied", applications.stream().anyMatch(a -> a.id().equals(applied)) ? applied : null)
                            .build());
        }));
    }
}
