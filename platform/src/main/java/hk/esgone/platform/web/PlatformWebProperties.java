package hk.esgone.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body an endpoint accepts unless {@code bodyLimits} names it
 * @param bodyLimits     other limits for some paths, first match wins: an autosaved answer is capped well below the
 *                       default, an evidence upload (a 5 MB file) well above it
 */
@ConfigurationProperties("esg.web")
public record PlatformWebProperties(DataSize maxRequestSize, List<BodyLimit> bodyLimits) {

    public PlatformWebProperties {
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofKilobytes(256);
        }
        bodyLimits = bodyLimits == null ? List.of() : List.copyOf(bodyLimits);
    }

    /**
     * @param path   a path pattern such as {@code /api/v1/assessments/{id}/evidence}
     * @param method the HTTP method it applies to, or null for every method
     * @param max    the largest body accepted there
     */
    public record BodyLimit(String path, String method, DataSize max) {

        public BodyLimit {
            if (path == null || path.isBlank() || max == null || max.toBytes() <= 0) {
                throw new IllegalArgumentException("esg.web.body-limits entries need a path and a positive max");
            }
        }
    }
}
