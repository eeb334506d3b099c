package hk.esgone.web.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

import hk.esgone.web.support.PageLocales;

/** The page language: the person's choice kept in a cookie, else the browser's {@code Accept-Language}. */
@Configuration(proxyBeanMethods = false)
class LocaleConfig {

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver(WebProperties web) {
        return new PageLocales.CookieResolver(web.secure());
    }
}
