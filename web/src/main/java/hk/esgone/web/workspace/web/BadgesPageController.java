package hk.esgone.web.workspace.web;

import java.net.IDN;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.BadgesWorkspace;
import reactor.core.publisher.Mono;

/**
 * "My badges": the company's e-badges with their live status, the code to put each on the company's website
 * (script, iframe or image, in either language) with a live preview in both languages, and the websites allowed
 * to show them. Websites are typed one per line; a pasted address is reduced to its domain, and a line that is not
 * a domain is named on the page before anything is sent.
 */
@Controller
class BadgesPageController {

    /** The same rule as badge-service's: letters, digits and hyphens in dot-separated labels, or localhost. */
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$|^localhost$");
    private static final int MAX_TEXT = 4000;

    private final BadgesWorkspace workspace;

    BadgesPageController(BadgesWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping("/workspace/badges")
    Mono<Rendering> badges(@RequestParam(required = false) String saved, @RequestParam(required = false) String snippet,
                           ServerWebExchange exchange) {
        return page(exchange, snippet, saved != null, null, null, null, HttpStatus.OK);
    }

    @PostMapping("/workspace/badges/domains")
    Mono<Rendering> saveDomains(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String text = form.getFirst("domains") == null ? "" : form.getFirst("domains");
            if (text.length() > MAX_TEXT) {
                return page(exchange, null, false, "too-many", null, text.substring(0, MAX_TEXT), HttpStatus.BAD_REQUEST);
            }
            List<String> domains = new ArrayList<>();
            for (String line : text.split("[\\s,;]+")) {
                if (line.isBlank()) {
                    continue;
                }
                String domain = domainOf(line);
                if (domain == null) {
                    return page(exchange, null, false, "not-a-domain", line.length() > 80 ? line.substring(0, 80) : line, text,
                            HttpStatus.BAD_REQUEST);
                }
                if (!domains.contains(domain)) {
                    domains.add(domain);
                }
            }
            if (domains.size() > BadgesWorkspace.MAX_DOMAINS) {
                return page(exchange, null, false, "too-many", null, text, HttpStatus.BAD_REQUEST);
            }
            return workspace.saveDomains(exchange, domains)
                    .map(stored -> Rendering.redirectTo("/workspace/badges?saved=1").build())
                    .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                            ? Mono.error(refused)
                            : page(exchange, null, false, refused.status() == HttpStatus.FORBIDDEN ? "forbidden" : "refused", null, text,
                                    refused.status()));
        });
    }

    private Mono<Rendering> page(ServerWebExchange exchange, String snippet, boolean saved, String problem, String badValue,
                                 String typed, HttpStatus status) {
        return workspace.myBadges(exchange).map(mine -> Rendering.view("workspace/badges")
                .modelAttribute("mine", mine)
                .modelAttribute("snippetLang", "en".equals(snippet) || "zh-Hant".equals(snippet) ? snippet : null)
                .modelAttribute("saved", saved)
                .modelAttribute("problem", problem)
                .modelAttribute("badValue", badValue)
                .modelAttribute("typed", typed != null ? typed : String.join("\n", mine.allowedDomains()))
                .status(status).build());
    }

    /** The domain of a typed line: {@code example.com}, {@code *.example.com} or a pasted address; null when it is none. */
    static String domainOf(String line) {
        String value = line.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("http://") || value.startsWith("https://")) {
            try {
                value = URI.create(value).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (value == null) {
                return null;
            }
        }
        value = value.replaceFirst("^\\*\\.", "").replaceFirst("\\.$", "");
        try {
            // a Chinese (internationalised) domain name, as browsers send it: 綠色.香港 → xn--...xn--j6w193g
            value = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return DOMAIN.matcher(value).matches() ? value : null;
    }
}
