package hk.esgone.gateway.health;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.gateway.routing.DownstreamServices;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * One health component per service ({@code directory}, {@code offers}, {@code badge}); the
 * {@code services} health group in application.yml collects them.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealthConfig {

    private final WebClient webClient;
    private final DownstreamHealthProperties properties;

    DownstreamHealthConfig(WebClient.Builder builder, DownstreamHealthProperties properties) {
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.timeout().toMillis())
                .responseTimeout(properties.timeout());
        this.webClient = builder.clone().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
        this.properties = properties;
    }

    @Bean
    DownstreamHealthIndicator directoryHealthIndicator(DownstreamServices services) {
        return indicator(services.directory());
    }

    @Bean
    DownstreamHealthIndicator offersHealthIndicator(DownstreamServices services) {
        return indicator(services.offers());
    }

    @Bean
    DownstreamHealthIndicator badgeHealthIndicator(DownstreamServices services) {
        return indicator(services.badge());
    }

    private DownstreamHealthIndicator indicator(URI baseUrl) {
        return new DownstreamHealthIndicator(webClient, baseUrl, properties.timeout());
    }
}
