package hk.esgone.offers.upstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of directory-service's public company profile this service uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyProfile(String id, String kind, Industry industry, Sector sector, String status) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Industry(String code) {
    }

    /** Like the industry, directory-service answers the sector as {@code {"code", "label"}} (null unless manufacturing). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sector(String code) {
    }

    public String industryCode() {
        return industry == null ? null : industry.code();
    }
}
