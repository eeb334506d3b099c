package hk.esgone.web.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.client.WebClient;

import hk.esgone.web.support.ServiceApi;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/** The services' public APIs, as {@link ServiceApi} calls them (with the correlation id of the page request). */
@Configuration(proxyBeanMethods = false)
class ServicesConfig {

    @Bean
    ServiceApi serviceApi(WebClient.Builder builder, WebProperties web, ReactiveOAuth2AuthorizedClientManager authorizedClients) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(web.callTimeout());
        WebClient client = builder.clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(2 * 1024 * 1024))
                .build();
        return new ServiceApi(client, Map.of(
                ServiceApi.Service.DIRECTORY, web.directoryUrl(),
                ServiceApi.Service.OFFERS, web.offersUrl(),
                ServiceApi.Service.BADGES, web.badgeUrl(),
                ServiceApi.Service.ASSESSMENTS, web.assessmentUrl()),
                authorizedClients, SecurityConfig.REGISTRATION, web.callTimeout());
    }
}
