package hk.esgone.assessment.questionnaire;

import hk.esgone.assessment.support.Bilingual;

/** The three sections of every questionnaire and the three pillar scores. */
public enum Pillar {
    E(Bilingual.of("Environmental", "環境")),
    S(Bilingual.of("Social", "社會")),
    G(Bilingual.of("Governance", "管治"));

    private final Bilingual title;

    Pillar(Bilingual title) {
        this.title = title;
    }

    public Bilingual title() {
        return title;
    }
}
