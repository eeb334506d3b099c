package hk.esgone.assessment.support;

import java.util.Objects;

/** A text in English and Traditional Chinese (Hong Kong usage); both are always present. */
public record Bilingual(String en, String zhHant) {

    public Bilingual {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zhHant, "zhHant");
    }

    public static Bilingual of(String en, String zhHant) {
        return new Bilingual(en, zhHant);
    }
}
