package hk.esgone.directory.support;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A text in English and Traditional Chinese ({@code {"en": "...", "zhHant": "..."}}); either side may be
 * missing where the owner has not written it. Stored and served as plain text: it is never interpreted
 * as markup anywhere in this service.
 */
public record Bilingual(String en, String zhHant) {

    public static Bilingual of(String en, String zhHant) {
        return new Bilingual(en, zhHant);
    }

    /** The English text, or the Chinese one when there is no English. */
    @JsonIgnore
    public String any() {
        return en != null && !en.isBlank() ? en : zhHant;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return (en == null || en.isBlank()) && (zhHant == null || zhHant.isBlank());
    }
}
