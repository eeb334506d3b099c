package hk.esgone.assessment.scoring;

import hk.esgone.assessment.support.Bilingual;

/** Maturity level, lowest first. */
public enum Level {
    BRONZE(Bilingual.of("Bronze", "銅級")),
    SILVER(Bilingual.of("Silver", "銀級")),
    GOLD(Bilingual.of("Gold", "金級")),
    PLATINUM(Bilingual.of("Platinum", "鉑金級"));

    private final Bilingual title;

    Level(Bilingual title) {
        this.title = title;
    }

    public Bilingual title() {
        return title;
    }
}
