package hk.esgone.web.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import hk.esgone.web.support.ErrorPages;

/** Error pages before the platform's problem details (which remain for /actuator). */
@Configuration(proxyBeanMethods = false)
class PageErrorsConfig {

    @Bean
    @Order(-3)
    ErrorPages errorPages(ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> viewResolvers, WebSessionIdResolver sessionIds,
                           WebProperties web) {
        // the signed-in person as security keeps them: an error page is rendered outside security's filters
        return new ErrorPages(codecs, viewResolvers.orderedStream().toList(), new SessionCookieOnly(sessionIds, web.secure()).contexts());
    }
}
