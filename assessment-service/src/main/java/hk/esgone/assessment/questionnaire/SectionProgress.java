package hk.esgone.assessment.questionnaire;

/** How far a company has got in one section: applicable questions answered (a value, or N/A with a reason). */
public record SectionProgress(Pillar pillar, int answered, int applicable) {

    /** Whole percent, rounded down so that 99.6 % never shows as 100 % before the last question. */
    public int percent() {
        return applicable == 0 ? 100 : answered * 100 / applicable;
    }
}
