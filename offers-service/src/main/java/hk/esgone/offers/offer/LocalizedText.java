package hk.esgone.offers.offer;

/** Text in English and Traditional Chinese. */
public record LocalizedText(String en, String zhHant) {
}
