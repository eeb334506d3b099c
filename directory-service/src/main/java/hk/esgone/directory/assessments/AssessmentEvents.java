package hk.esgone.directory.assessments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** assessment-service's feed format (docs/contracts.md, "Assessment events"): each event carries a whole scorecard. */
final class AssessmentEvents {

    private AssessmentEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Event> events, String nextCursor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String cursor, String id, String type, Instant occurredAt, Scorecard scorecard) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scorecard(String companyId, String assessmentId, Integer year, String questionnaireKey, Integer questionnaireVersion,
                     BigDecimal environmental, BigDecimal social, BigDecimal governance, BigDecimal overall, String level,
                     Instant submittedAt) {
    }
}
