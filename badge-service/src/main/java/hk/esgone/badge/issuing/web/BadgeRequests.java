package hk.esgone.badge.issuing.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import hk.esgone.platform.text.FreeText;

/** Request bodies of the admin badge operations. */
public final class BadgeRequests {

    private BadgeRequests() {
    }

    /**
     * The company a badge is issued to. The credential subject names it by its directory id and its Hong Kong BR
     * number (or, for a mainland factory, its Unified Social Credit Code); one of the two is required.
     */
    public record CompanyRef(
            @NotBlank @Pattern(regexp = "^cmp-[a-z0-9][a-z0-9-]{2,60}$", message = "must be a directory company id (cmp-...)") String id,
            @Pattern(regexp = "^[0-9]{8}$", message = "must be 8 digits") String brNumber,
            @Pattern(regexp = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", message = "must be an 18-character Unified Social Credit Code") String uscc,
            @Valid CompanyName name) {
    }

    public record CompanyName(@NotBlank @Size(max = 200) String en, @NotBlank @Size(max = 200) String zhHant) {
    }

    /** @param validUntil optional; default: now plus the achievement's validity period */
    public record IssueRequest(
            @NotBlank @Pattern(regexp = "^ach-[a-z0-9][a-z0-9-]{2,60}$", message = "must be an achievement id (ach-...)") String achievementId,
            @NotNull @Valid CompanyRef company,
            Instant validUntil) {
    }

    public record BulkIssueRequest(
            @NotBlank @Pattern(regexp = "^ach-[a-z0-9][a-z0-9-]{2,60}$", message = "must be an achievement id (ach-...)") String achievementId,
            @NotNull @Size(min = 1, max = 200, message = "must list 1 to 200 companies") List<@NotNull @Valid CompanyRef> companies,
            Instant validUntil) {
    }

    public record RenewRequest(Instant validUntil) {
    }

    public record ReasonRequest(@NotBlank(message = "a reason is required") @Size(max = 500) @FreeText String reason) {
    }

    /**
     * A badge an assessment earned, asked for by a service ({@code POST /internal/badges/earned}).
     *
     * @param reason why the company's earlier badges this one replaces are revoked (default: a plain "superseded")
     */
    public record EarnedRequest(
            @NotBlank @Pattern(regexp = "^ach-[a-z0-9][a-z0-9-]{2,60}$", message = "must be an achievement id (ach-...)") String achievementId,
            @NotBlank @Pattern(regexp = "^cmp-[a-z0-9][a-z0-9-]{2,60}$", message = "must be a directory company id (cmp-...)") String companyId,
            @Size(max = 500) @FreeText String reason) {
    }
}
