package hk.esgone.gateway.landing.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What someone who opens the gateway's address in a browser sees: a short bilingual page pointing to the
 * public reads, the badge pages, the API documents and health — instead of a 401 problem. The page shows
 * English and Traditional Chinese side by side, so it gets the texts of both bundles
 * ({@code messages.properties}, {@code messages_zh_Hant.properties}) whatever the request's locale.
 */
@Controller
class LandingPageController {

    static final String PATH = "/";
    static final String BUNDLE = "messages";
    static final Locale ZH_HANT = Locale.forLanguageTag("zh-Hant");
    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Map<String, String> english = texts(Locale.ROOT);
    private final Map<String, String> chinese = texts(ZH_HANT);

    @GetMapping(PATH)
    String landingPage(Model model, ServerHttpResponse response) {
        // the page whatever the Accept header asks for (as before it was a template): set, the type is not negotiated
        response.getHeaders().setContentType(HTML);
        model.addAttribute("en", english);
        model.addAttribute("zh", chinese);
        return "landing";
    }

    /** Every text of the bundle for {@code locale}, without falling back to the machine's default locale. */
    static Map<String, String> texts(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.keySet().stream().collect(Collectors.toUnmodifiableMap(Function.identity(), bundle::getString));
    }
}
