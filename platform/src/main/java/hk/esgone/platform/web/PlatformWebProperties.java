package hk.esgone.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxRequestSize the largest request body any endpoint accepts (smaller per endpoint where it matters) */
@ConfigurationProperties("esg.web")
public record PlatformWebProperties(DataSize maxRequestSize) {

    public PlatformWebProperties {
        if (maxRequestSize == null) {
            maxRequestSize = DataSize.ofKilobytes(256);
        }
    }
}
