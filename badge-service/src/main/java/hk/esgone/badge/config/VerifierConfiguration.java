package hk.esgone.badge.config;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.badge.verify.CredentialVerifier;
import hk.esgone.badge.verify.PublishedDocuments;

/**
 * The verifier fetches the published documents from {@code esg.badge.verifier.fetch-base-url}, or, when that is
 * not set, from this very service on loopback (the port is known once the web server has started).
 */
@Configuration(proxyBeanMethods = false)
class VerifierConfiguration {

    private final AtomicInteger localPort = new AtomicInteger();

    @Bean
    ApplicationListener<WebServerInitializedEvent> verifierLocalPort() {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                localPort.set(event.getWebServer().getPort());
            }
        };
    }

    @Bean
    PublishedDocuments publishedDocuments(BadgeProperties properties, WebClient.Builder builder, Clock clock) {
        BadgeProperties.Verifier verifier = properties.verifier();
        String configured = verifier.fetchBaseUrl() == null ? null : verifier.fetchBaseUrl().toString();
        return new PublishedDocuments(properties.base(),
                () -> configured != null ? configured : "http://127.0.0.1:" + localPort.get(),
                builder, verifier.timeout(), verifier.jwksMinRefetch(), clock);
    }

    @Bean
    CredentialVerifier credentialVerifier(BadgeProperties properties, PublishedDocuments documents, Clock clock) {
        return new CredentialVerifier(properties.issuerId(), documents, properties.verifier().maxJwtBytes(), clock);
    }
}
