package hk.esgone.badge.issuing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.platform.problem.ApiProblem;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * Asks directory-service about the company a badge is for, before anything is issued: it must exist, be approved
 * or published ({@code PROVISIONING}, {@code PUBLISHED}), and have the BR number / USCC the request names, or the
 * credential would name a company (and link to a profile) that does not exist. The admin's own token is forwarded
 * to directory's company endpoint, which shows admins every company whatever its status. When directory cannot
 * answer (down, slow, 5xx, refusing the token) nothing is issued: a 503 asks the admin to try again.
 */
@Component
public class HolderCheck {

    private static final Set<String> ISSUABLE = Set.of("PROVISIONING", "PUBLISHED");

    /** The part of directory's company answer the check reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DirectoryCompany(String id, String status, String brNumber, String uscc, DirectoryName name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DirectoryName(String en, String zhHant) {
    }

    private final WebClient directory;
    private final Duration overall;
    private final long retryAfterSeconds;

    HolderCheck(WebClient.Builder builder, BadgeProperties properties) {
        BadgeProperties.Directory settings = properties.directory();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        this.directory = builder.clone().clientConnector(new ReactorClientHttpConnector(http))
                .baseUrl(settings.url().toString()).build();
        // one attempt plus one quick retry of a refused connection (an idempotent GET), never longer than this
        this.overall = settings.responseTimeout().plus(settings.connectTimeout()).plus(Duration.ofMillis(200));
        this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
    }

    /**
     * Completes when the directory knows {@code holder} as an approved or published company with the same
     * registration number; otherwise fails with a 422 ({@code unknown-holder}, {@code holder-mismatch}) or, when the
     * directory cannot tell, a 503 ({@code holder-check-unavailable}).
     *
     * @param authorization the admin's {@code Authorization} header, forwarded to directory-service
     */
    public Mono<Void> confirm(Holder holder, String authorization) {
        return fetch(holder, authorization).flatMap(company -> check(holder, company));
    }

    /**
     * The company as the directory names it (id, registration numbers, names), when it is approved or published: for
     * a caller that knows only the company id (assessment-service). Fails as {@link #confirm} does.
     */
    public Mono<Holder> lookup(String companyId, String authorization) {
        Holder unnamed = new Holder(companyId, null, null, null);
        return fetch(unnamed, authorization).flatMap(company -> {
            if (!companyId.equals(company.id()) || !ISSUABLE.contains(company.status())) {
                return Mono.error(unknown(unnamed));
            }
            if (company.brNumber() == null && company.uscc() == null) {
                return Mono.error(ApiProblem.unprocessable("holder-unregistered", "The directory has no registration number for company '"
                        + companyId + "'; the credential could not name it, so no badge was issued."));
            }
            DirectoryName name = company.name();
            boolean named = name != null && name.en() != null && !name.en().isBlank() && name.zhHant() != null && !name.zhHant().isBlank();
            return Mono.just(new Holder(companyId, company.brNumber(), company.uscc(),
                    named ? new Bilingual(name.en().strip(), name.zhHant().strip()) : null));
        });
    }

    private Mono<DirectoryCompany> fetch(Holder holder, String authorization) {
        return directory.get().uri("/api/v1/directory/companies/{id}", holder.companyId())
                .headers(h -> {
                    if (authorization != null) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(DirectoryCompany.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty answer")))
                .retryWhen(Retry.fixedDelay(1, Duration.ofMillis(100))
                        .filter(e -> e instanceof WebClientRequestException && !(e.getCause() instanceof TimeoutException))
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .timeout(overall)
                .onErrorResume(WebClientResponseException.class, e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                        ? Mono.error(unknown(holder)) : Mono.error(e))
                .onErrorMap(e -> !(e instanceof ApiProblem), e -> ApiProblem.unavailable("holder-check-unavailable",
                        "The directory could not confirm company '" + holder.companyId() + "' just now, so no badge was issued. "
                                + "Try again shortly.", retryAfterSeconds));
    }

    private static Mono<Void> check(Holder holder, DirectoryCompany company) {
        if (!holder.companyId().equals(company.id()) || !ISSUABLE.contains(company.status())) {
            return Mono.error(unknown(holder));
        }
        if ((holder.brNumber() != null && !holder.brNumber().equals(company.brNumber()))
                || (holder.uscc() != null && !holder.uscc().equals(company.uscc()))) {
            return Mono.error(ApiProblem.unprocessable("holder-mismatch", "The registration number given for company '"
                    + holder.companyId() + "' is not the one in the directory; no badge was issued."));
        }
        return Mono.empty();
    }

    private static ApiProblem unknown(Holder holder) {
        return ApiProblem.unprocessable("unknown-holder", "The directory has no approved or published company '"
                + holder.companyId() + "'; no badge was issued.");
    }
}
