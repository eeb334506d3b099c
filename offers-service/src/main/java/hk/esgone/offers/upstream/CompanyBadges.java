package hk.esgone.offers.upstream;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** badge-service's live holdings of one company (contracts.md: {@code GET /api/v1/badges/holders/{companyId}}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyBadges(String companyId, List<HeldBadge> badges) {

    public CompanyBadges {
        badges = badges == null ? List.of() : List.copyOf(badges);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeldBadge(String id, String achievementId, String achievementKind, String scorecardLevel,
                            String status, Instant validFrom, Instant validUntil) {

        /** VALID as badge-service says, and inside its own validity window as a second check. */
        public boolean isValidAt(Instant now) {
            return "VALID".equals(status)
                    && (validFrom == null || !validFrom.isAfter(now))
                    && (validUntil == null || validUntil.isAfter(now));
        }
    }
}
