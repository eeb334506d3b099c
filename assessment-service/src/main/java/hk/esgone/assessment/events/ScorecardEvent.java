package hk.esgone.assessment.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of the feed: a submitted assessment's scorecard (docs/contracts.md, "Assessment events").
 *
 * @param seq        the submission's feed position ({@code feedSeq} of the assessment)
 * @param recordedAt when its feed position was written, for the feed's gap rule
 */
public record ScorecardEvent(long seq, String eventId, String type, Instant occurredAt, Instant recordedAt, Scorecard scorecard) {

    public static final String SCORECARD_PUBLISHED = "SCORECARD_PUBLISHED";

    /**
     * What directory-service shows: the scores as decimals (one decimal place), and the level the assessment earned.
     *
     * @param scoreRevision 1 for the scorecard computed at submission, one more for each re-score after an admin
     *                      accepted evidence; a reader shows the highest revision of an assessment it has seen
     */
    public record Scorecard(String companyId, String assessmentId, int year, String questionnaireKey, int questionnaireVersion,
            BigDecimal environmental, BigDecimal social, BigDecimal governance, BigDecimal overall, String level,
            Instant submittedAt, int scoreRevision) {
    }
}
