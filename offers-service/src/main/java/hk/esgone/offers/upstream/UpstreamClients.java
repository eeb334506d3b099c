package hk.esgone.offers.upstream;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import hk.esgone.offers.config.OffersProperties;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * Calls to badge-service (live badge holdings) and directory-service (public profile), with explicit
 * timeouts and one retry on a failed connection (both are idempotent GETs). Every failure becomes
 * {@link UpstreamUnavailableException}; only directory's 404 ("no published profile") is an answer.
 */
@Component
public class UpstreamClients {

    static final String BADGE_SERVICE = "badge-service";
    static final String DIRECTORY_SERVICE = "directory-service";

    private final WebClient badges;
    private final WebClient directory;
    private final Duration overall;

    public UpstreamClients(WebClient.Builder builder, OffersProperties properties) {
        OffersProperties.Upstream upstream = properties.upstream();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) upstream.connectTimeout().toMillis())
                .responseTimeout(upstream.responseTimeout());
        WebClient.Builder base = builder.clone().clientConnector(new ReactorClientHttpConnector(http));
        this.badges = base.clone().baseUrl(properties.badgeUrl().toString()).build();
        this.directory = base.clone().baseUrl(properties.directoryUrl().toString()).build();
        // one attempt plus one quick retry of a refused connection, never longer than this in total
        this.overall = upstream.responseTimeout().plus(upstream.connectTimeout());
    }

    /** All badges of the company with their status now. */
    public Mono<CompanyBadges> holdings(String companyId) {
        return badges.get().uri("/api/v1/badges/holders/{companyId}", companyId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(CompanyBadges.class)
                .switchIfEmpty(Mono.error(new IllegalStateException("empty answer")))
                .retryWhen(connectRetry())
                .timeout(overall)
                .onErrorMap(e -> !(e instanceof UpstreamUnavailableException), e -> new UpstreamUnavailableException(BADGE_SERVICE, e));
    }

    /** The published profile, or empty when directory-service says there is none (404). */
    public Mono<Optional<CompanyProfile>> profile(String companyId) {
        return directory.get().uri("/api/v1/directory/companies/{companyId}", companyId)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(CompanyProfile.class)
                .map(Optional::of)
                .switchIfEmpty(Mono.error(new IllegalStateException("empty answer")))
                .onErrorResume(WebClientResponseException.class,
                        e -> e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? Mono.just(Optional.empty()) : Mono.error(e))
                .retryWhen(connectRetry())
                .timeout(overall)
                .onErrorMap(e -> !(e instanceof UpstreamUnavailableException), e -> new UpstreamUnavailableException(DIRECTORY_SERVICE, e));
    }

    private static Retry connectRetry() {
        return Retry.fixedDelay(1, Duration.ofMillis(100))
                .filter(e -> e instanceof WebClientRequestException && !(e.getCause() instanceof TimeoutException))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

}
