package hk.esgone.badge.config;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import hk.esgone.badge.keys.SigningKeyRing;
import hk.esgone.platform.paging.CursorCodec;

@Configuration(proxyBeanMethods = false)
class BadgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BadgeConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeyRing signingKeyRing(BadgeProperties properties, Clock clock) {
        return new SigningKeyRing(properties.keys(), clock);
    }

    @Bean
    CursorCodec cursorCodec(BadgeProperties properties, Clock clock) {
        if (properties.cursorSecret() == null || properties.cursorSecret().isBlank()) {
            log.info("ESG_BADGE_CURSOR_SECRET is not set: pagination cursors are signed with a per-process key "
                    + "(set it on every replica so cursors survive restarts and load balancing)");
        }
        return new CursorCodec(properties.cursorSecret(), Duration.ofHours(24), clock);
    }
}
