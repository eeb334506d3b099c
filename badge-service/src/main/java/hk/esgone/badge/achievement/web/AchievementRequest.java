package hk.esgone.badge.achievement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import hk.esgone.badge.achievement.AchievementDefinition;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.platform.text.FreeText;
import hk.esgone.platform.text.PlainText;

/**
 * What an admin sends to define or change a badge type.
 *
 * @param id             {@code ach-} + slug; generated from the English name when absent (create only)
 * @param validity       ISO-8601 period, e.g. {@code P1Y} (one year), {@code P6M}, {@code P90D}
 * @param scorecardLevel required for, and only for, {@code SCORECARD_LEVEL}
 */
public record AchievementRequest(
        @Pattern(regexp = "^ach-[a-z0-9][a-z0-9-]{2,60}$", message = "must be 'ach-' followed by 3-61 lowercase letters, digits or hyphens") String id,
        @NotNull AchievementKind kind,
        @NotNull @Valid Text name,
        @NotNull @Valid LongText description,
        @NotNull @Valid LongText criteria,
        @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s<>\"']+$", message = "must be an http(s) URL") String criteriaUrl,
        @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s<>\"']+$", message = "must be an http(s) URL") String imageUrl,
        @NotBlank @Pattern(regexp = "^P(?!$)(\\d{1,3}Y)?(\\d{1,3}M)?(\\d{1,4}D)?$", message = "must be an ISO-8601 period such as P1Y, P6M or P90D") String validity,
        ScorecardLevel scorecardLevel) {

    AchievementDefinition toDefinition() {
        return new AchievementDefinition(id, kind, name.toBilingual(), description.toBilingual(), criteria.toBilingual(), criteriaUrl,
                imageUrl, validity, scorecardLevel);
    }

    /** A name: 1-120 characters per language. */
    public record Text(@NotBlank @Size(max = 120) @PlainText String en, @NotBlank @Size(max = 120) @PlainText String zhHant) {
        Bilingual toBilingual() {
            return new Bilingual(en.strip(), zhHant.strip());
        }
    }

    /** A description or criteria text: 1-4000 characters per language. */
    public record LongText(@NotBlank @Size(max = 4000) @FreeText String en, @NotBlank @Size(max = 4000) @FreeText String zhHant) {
        Bilingual toBilingual() {
            return new Bilingual(en.strip(), zhHant.strip());
        }
    }
}
