package hk.esgone.web.check.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.check.BadgeCheck;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;

/**
 * Check a badge: a GET form for links and ids (so a result can be shared as a link) and a POST form (with its CSRF
 * token) for a pasted credential, which may be too long for an address. Input that is none of these is explained on
 * the same page, with what was typed kept.
 */
@Controller
class CheckPageController {

    private final BadgeCheck check;

    CheckPageController(BadgeCheck check) {
        this.check = check;
    }

    @GetMapping("/check")
    Mono<Rendering> check(@RequestParam(name = "badge", required = false) String badge) {
        if (badge == null || badge.isBlank()) {
            return Mono.just(page(null, null, null, HttpStatus.OK));
        }
        return run(badge);
    }

    @PostMapping("/check")
    Mono<Rendering> checkPasted(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String pasted = form.getFirst("credential");
            if (pasted == null || pasted.isBlank()) {
                return Mono.just(page("", null, "empty", HttpStatus.BAD_REQUEST));
            }
            return run(pasted);
        });
    }

    private Mono<Rendering> run(String input) {
        if (input.length() > BadgeCheck.MAX_INPUT) {
            return Mono.just(page(null, null, "too-long", HttpStatus.CONTENT_TOO_LARGE));
        }
        String kept = input.length() > 4000 ? input.substring(0, 4000) : input;
        String id = BadgeCheck.badgeId(input);
        Mono<BadgeCheck.Verdict> verdict;
        if (id != null) {
            verdict = check.byId(id);
        } else if (BadgeCheck.looksLikeCredential(input)) {
            verdict = check.credential(input);
        } else {
            return Mono.just(page(kept, null, "unrecognised", HttpStatus.BAD_REQUEST));
        }
        return verdict.map(v -> page(kept, v, null, HttpStatus.OK))
                .onErrorResume(ServiceFailure.class, failure -> failure.serviceDown() ? Mono.error(failure)
                        : Mono.just(page(kept, null, failure.status() == HttpStatus.NOT_FOUND ? "unknown" : "unreadable",
                        failure.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST)));
    }

    private static Rendering page(String input, BadgeCheck.Verdict verdict, String problem, HttpStatus status) {
        return Rendering.view("check/check")
                .modelAttribute("input", input)
                .modelAttribute("verdict", verdict)
                .modelAttribute("problem", problem)
                .modelAttribute("badgeLink", verdict != null && verdict.badgeId() != null && Ids.BADGE.isValid(verdict.badgeId())
                        ? "/badges/" + verdict.badgeId() : null)
                .status(status).build();
    }
}
