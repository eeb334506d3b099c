package hk.esgone.gateway.site.web;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;

import hk.esgone.gateway.security.SecurityHeaders;
import hk.esgone.platform.web.CorrelationId;
import hk.esgone.platform.web.PageLanguage;
import hk.esgone.platform.web.RefusedRequestPages;
import reactor.core.publisher.Mono;

/**
 * What a person's browser gets when the gateway itself refuses or cannot forward a page: a small page in their
 * language ({@code templates/page-error.html}, the portal's language rules) instead of a JSON problem — an address
 * nothing serves (404, {@link UnknownPages}), too many requests from their network (429, with {@code Retry-After}),
 * the portal or a service not answering (502, 503, 504, with the correlation id to quote). Only for page requests:
 * a browser asking for HTML outside {@code /api/}, {@code /v3/} and {@code /actuator/}, not an htmx request (the
 * portal's script handles those). Every other caller keeps the platform's problem details.
 * <p>
 * It also gives the page for an address that is not a valid URI (broken percent-encoding such as {@code %ZZ} in a
 * pasted link), which the platform refuses before any filter runs ({@link RefusedRequestPages}).
 */
@Component
@Order(-3) // before the platform's ProblemErrorHandler (-2), which answers everything this one passes on
class BrowserErrorPages implements WebExceptionHandler, RefusedRequestPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ISpringWebFluxTemplateEngine templates;

    BrowserErrorPages(ISpringWebFluxTemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        String kind = ex instanceof ErrorResponse error ? kind(error.getStatusCode()) : null;
        if (kind == null || response.isCommitted() || !isPageRequest(exchange.getRequest())) {
            return Mono.error(ex);
        }
        ErrorResponse error = (ErrorResponse) ex;
        HttpHeaders headers = response.getHeaders();
        error.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, values);
            }
        });
        Locale locale = PageLanguage.of(exchange.getRequest());
        byte[] page = render(kind, locale, seconds(error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)),
                exchange.getAttributeOrDefault(CorrelationId.ATTRIBUTE, ""),
                "not-found".equals(kind) ? null : tryAgain(exchange.getRequest())).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(error.getStatusCode());
        headers.setContentType(HTML);
        headers.setContentLanguage(locale);
        headers.setContentLength(page.length);
        DataBuffer body = response.bufferFactory().wrap(page);
        return response.writeWith(Mono.just(body));
    }

    /** A malformed address opened in a browser: "this address is not valid", with no link back to it. */
    @Override
    public Page page(int status, String kind, String rawPath, HttpHeaders requestHeaders) {
        if (!"malformed-uri".equals(kind) || !isPageRequest(rawPath, requestHeaders)) {
            return null;
        }
        Locale locale = PageLanguage.of(requestHeaders);
        return new Page(render("bad-address", locale, 0, "", null), locale, SecurityHeaders.ownPage());
    }

    private String render(String kind, Locale locale, long retryAfter, String correlationId, String tryAgain) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("lang", PageLanguage.tag(locale));
        model.put("retryAfter", retryAfter);
        model.put("correlationId", correlationId);
        model.put("tryAgain", tryAgain);
        return templates.process("page-error", new Context(locale, model));
    }

    /** The group of texts that explains the status; null for a status this class leaves to the problem handler. */
    static String kind(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "not-found";
            case 429 -> "too-many";
            case 502, 503, 504 -> "unavailable";
            default -> null;
        };
    }

    /** A browser asking for a page: it accepts HTML by name, outside the APIs and the gateway's machinery, not htmx. */
    static boolean isPageRequest(ServerHttpRequest request) {
        return isPageRequest(request.getPath().pathWithinApplication().value(), request.getHeaders());
    }

    private static boolean isPageRequest(String path, HttpHeaders headers) {
        if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator")
                || headers.containsHeader("HX-Request")) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = headers.getAccept();
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        return accepted.stream().anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
    }

    /** {@code Retry-After} in seconds (the gateway sends seconds, never a date); 0 when absent. */
    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException date) {
            return 0;
        }
    }

    /** The same address again, for a read; a form sent again is the browser's choice (back), not a link's. */
    private static String tryAgain(ServerHttpRequest request) {
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        String path = request.getURI().getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        String query = request.getURI().getRawQuery();
        return query == null ? path : path + "?" + query;
    }
}
