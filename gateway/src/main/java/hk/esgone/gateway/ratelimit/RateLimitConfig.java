package hk.esgone.gateway.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.util.StringUtils;

import hk.esgone.gateway.routing.ClientAddress;

/**
 * In-memory limits by default; shared limits in Redis when {@code spring.data.redis.host} is set (the
 * Kubernetes component {@code redis-rate-limiter} sets it). Without that property Redis is never contacted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "esg.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientAddress clientAddress, Environment environment,
                                    ObjectProvider<ReactiveStringRedisTemplate> redis) {
        InMemoryRateLimiter inMemory = new InMemoryRateLimiter(properties);
        RateLimiter limiter = StringUtils.hasText(environment.getProperty("spring.data.redis.host"))
                ? new RedisRateLimiter(redis.getObject(), inMemory, properties)
                : inMemory;
        return new RateLimitFilter(limiter, clientAddress);
    }
}
