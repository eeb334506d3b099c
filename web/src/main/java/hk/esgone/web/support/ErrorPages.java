package hk.esgone.web.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import hk.esgone.platform.problem.ProblemErrorHandler;
import hk.esgone.platform.web.CorrelationId;
import reactor.core.publisher.Mono;

/**
 * Every failure on a page becomes a friendly page in the person's language ({@code templates/error.html}): what
 * happened in words, what to do next, and — when something broke on our side — the correlation id to quote. Never a
 * stack trace or an internal message. A session that has ended sends the person to sign in again. Requests for the
 * portal's own machinery ({@code /actuator/**}) keep the platform's problem details.
 */
public class ErrorPages extends ProblemErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final List<HttpMessageWriter<?>> writers;
    private final List<ViewResolver> viewResolvers;
    private final ServerSecurityContextRepository people;

    public ErrorPages(ServerCodecConfigurer codecs, List<ViewResolver> viewResolvers, ServerSecurityContextRepository people) {
        this.writers = codecs.getWriters();
        this.viewResolvers = viewResolvers;
        this.people = people;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
            return super.handle(exchange, ex);
        }
        if (ex instanceof ServiceFailure failure && failure.status() == HttpStatus.UNAUTHORIZED) {
            // the session or its refresh token ended: sign in again and come back here (to the form's page for a form)
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(URI.create("/sign-in?next="
                    + java.net.URLEncoder.encode(LocalPaths.returnTo(exchange.getRequest()), java.nio.charset.StandardCharsets.UTF_8)));
            return exchange.getResponse().setComplete();
        }
        HttpStatus status = status(ex);
        if (isStoreOutage(ex)) {
            log.warn("Page {} {}: the session store is not answering ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.toString());
        } else if (ex instanceof WebClientRequestException) {
            log.warn("Page {} {}: a server the portal calls did not answer ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.getMessage());
        } else if (status.is5xxServerError() && !(ex instanceof ServiceFailure)) {
            log.error("Page {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status.value());
        model.put("kind", kind(status));
        model.put("correlationId", exchange.getAttributeOrDefault(CorrelationId.ATTRIBUTE, ""));
        model.put("here", tryAgain(exchange));
        Locale locale = PageLocales.of(exchange);
        model.put("lang", PageLocales.tag(locale));
        model.put("otherLang", PageLocales.tag(PageLocales.CHINESE.equals(locale) ? PageLocales.ENGLISH : PageLocales.CHINESE));
        if (!isStoreOutage(ex)) {
            // the layout as on every page: a signed-in person keeps their menu (and its sign-out form), not "sign in";
            // the session is not read when its store is what failed, and a failure to read it shows the page anyway
            model.put("account", people.load(exchange).map(SecurityContext::getAuthentication)
                    .filter(OAuth2AuthenticationToken.class::isInstance).map(OAuth2AuthenticationToken.class::cast)
                    .map(PageModel::account).onErrorResume(failure -> Mono.empty()));
            model.put("_csrf", PageModel.csrfToken(exchange).onErrorResume(failure -> Mono.empty()));
        }
        return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).render("error", model)
                .flatMap(response -> response.writeTo(exchange, new ServerResponse.Context() {
                    @Override
                    public List<HttpMessageWriter<?>> messageWriters() {
                        return writers;
                    }

                    @Override
                    public List<ViewResolver> viewResolvers() {
                        return viewResolvers;
                    }
                }));
    }

    /** Where "try again" leads: the same page, or a new sign-in for Keycloak's answer (its code works only once). */
    private static String tryAgain(ServerWebExchange exchange) {
        String here = LocalPaths.of(exchange.getRequest().getURI());
        return here.startsWith("/login/oauth2/code/") ? "/sign-in" : here;
    }

    static HttpStatus status(Throwable ex) {
        if (ex instanceof ServiceFailure failure) {
            return switch (failure.status()) {
                case NOT_FOUND, GONE -> HttpStatus.NOT_FOUND;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case BAD_REQUEST, UNPROCESSABLE_CONTENT, CONFLICT, PRECONDITION_FAILED -> HttpStatus.BAD_REQUEST;
                case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
                default -> HttpStatus.SERVICE_UNAVAILABLE;
            };
        }
        // a ResponseStatusException, and the platform's ApiProblem (an over-long body refused by its size filter: 413)
        if (ex instanceof ErrorResponse rse) {
            HttpStatusCode code = rse.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            return status == null ? HttpStatus.BAD_REQUEST : status;
        }
        // the session store (Redis, with esg.web.session.store=redis) unreachable or too slow: as a service that does not answer
        if (isStoreOutage(ex)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        // a server called outside the services' API did not answer: Keycloak, when the portal exchanges a sign-in's code
        if (ex instanceof WebClientRequestException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (ex instanceof ServerWebInputException || ex instanceof IllegalArgumentException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (ex instanceof DataBufferLimitException || (ex.getCause() instanceof DataBufferLimitException)) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The message group of {@code templates/error.html} that explains the status. */
    static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case FORBIDDEN -> "forbidden";
            case UNAUTHORIZED -> "sign-in-failed";
            case TOO_MANY_REQUESTS -> "too-many";
            case CONTENT_TOO_LARGE -> "too-large";
            case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> "unavailable";
            case INTERNAL_SERVER_ERROR -> "broken";
            default -> status.is4xxClientError() ? "bad-request" : "broken";
        };
    }
}
