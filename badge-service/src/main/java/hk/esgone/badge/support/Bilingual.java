package hk.esgone.badge.support;

import jakarta.validation.constraints.NotBlank;

/** Text in English and Traditional Chinese, as every name and description in the product. */
public record Bilingual(@NotBlank String en, @NotBlank String zhHant) {

    public String in(Lang lang) {
        return lang == Lang.ZH_HANT ? zhHant : en;
    }

    public static Bilingual of(String en, String zhHant) {
        return new Bilingual(en, zhHant);
    }
}
