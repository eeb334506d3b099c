package hk.esgone.badge.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import hk.esgone.badge.keys.SigningKeyRing;

@Configuration(proxyBeanMethods = false)
class BadgeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeyRing signingKeyRing(BadgeProperties properties, Clock clock) {
        return new SigningKeyRing(properties.keys(), clock);
    }
}
