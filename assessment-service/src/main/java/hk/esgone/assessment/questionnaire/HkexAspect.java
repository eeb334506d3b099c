package hk.esgone.assessment.questionnaire;

import hk.esgone.assessment.support.Bilingual;

/** Aspects of the HKEX Environmental, Social and Governance Reporting Code (Appendix C2). */
public enum HkexAspect {
    A1(Bilingual.of("Emissions", "排放物")),
    A2(Bilingual.of("Use of resources", "資源使用")),
    A3(Bilingual.of("The environment and natural resources", "環境及天然資源")),
    A4(Bilingual.of("Climate change", "氣候變化")),
    B1(Bilingual.of("Employment", "僱傭")),
    B2(Bilingual.of("Health and safety", "健康與安全")),
    B3(Bilingual.of("Development and training", "發展及培訓")),
    B4(Bilingual.of("Labour standards", "勞工準則")),
    B5(Bilingual.of("Supply chain management", "供應鏈管理")),
    B6(Bilingual.of("Product responsibility", "產品責任")),
    B7(Bilingual.of("Anti-corruption", "反貪污")),
    B8(Bilingual.of("Community investment", "社區投資"));

    private final Bilingual title;

    HkexAspect(Bilingual title) {
        this.title = title;
    }

    public Bilingual title() {
        return title;
    }
}
