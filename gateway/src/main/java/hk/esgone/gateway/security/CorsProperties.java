package hk.esgone.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins web origins (scheme://host[:port], exactly) of our own front ends, which may call every
 *                       API with the user's credentials ({@code CORS_ALLOWED_ORIGINS}, comma-separated); the
 *                       public reads are open to every origin anyway, without credentials
 */
@ConfigurationProperties("esg.gateway.cors")
record CorsProperties(List<String> allowedOrigins) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty() && !o.equals("*")).toList();
    }
}
