package hk.esgone.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param timeout how long a service's readiness check may take before the service counts as down */
@ConfigurationProperties("esg.gateway.health")
record DownstreamHealthProperties(Duration timeout) {

    DownstreamHealthProperties {
        if (timeout == null) {
            timeout = Duration.ofSeconds(2);
        }
    }
}
