package hk.esgone.directory.assessments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import hk.esgone.directory.feeds.FeedFollower;

/** assessment-service's feed format (docs/contracts.md, "Assessment events"): each event carries a whole scorecard. */
final class AssessmentEvents {

    private AssessmentEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Event> events, String nextCursor) implements FeedFollower.Page<Event> {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String cursor, String id, String type, Instant occurredAt, Scorecard scorecard) implements FeedFollower.Event {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scorecard(String companyId, String assessmentId, Integer year, String questionnaireKey, Integer questionnaireVersion,
                     BigDecimal environmental, BigDecimal social, BigDecimal governance, BigDecimal overall, String level,
                     Instant submittedAt, Integer scoreRevision) {

        /** Events written before re-scoring existed have no revision: theirs is the first scorecard, revision 1. */
        int revision() {
            return scoreRevision == null ? 1 : scoreRevision;
        }
    }
}
