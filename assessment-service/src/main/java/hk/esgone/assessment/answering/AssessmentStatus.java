package hk.esgone.assessment.answering;

/** A draft is answered and changed; a submitted assessment is immutable. */
public enum AssessmentStatus {
    DRAFT, SUBMITTED
}
