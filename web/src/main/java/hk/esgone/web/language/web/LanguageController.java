package hk.esgone.web.language.web;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import hk.esgone.web.config.WebProperties;
import hk.esgone.web.support.LocalPaths;
import hk.esgone.web.support.PageLocales;

/**
 * The language switch in every page's header: a plain link, so it works without JavaScript. It keeps the choice in
 * a cookie and returns to the same page; an unknown language or a {@code next} off this site goes home in English.
 */
@Controller
class LanguageController {

    private final boolean secure;

    LanguageController(WebProperties web) {
        this.secure = web.secure();
    }

    @GetMapping("/lang/{tag}")
    ResponseEntity<Void> switchTo(@PathVariable String tag, @RequestParam(required = false) String next) {
        ResponseEntity.BodyBuilder redirect = ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .location(URI.create(LocalPaths.safe(next)));
        PageLocales.parse(tag).ifPresent(locale ->
                redirect.header(HttpHeaders.SET_COOKIE, PageLocales.cookie(locale, secure).toString()));
        return redirect.build();
    }
}
