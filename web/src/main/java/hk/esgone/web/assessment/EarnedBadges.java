package hk.esgone.web.assessment;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What became of the badges a submitted assessment earns (assessment-service asks badge-service for them in the
 * background, docs/contracts.md "Earned badges"): issued, still on their way, or refused for good.
 *
 * @param state  {@code ISSUED}, {@code PENDING} (also before the first try), {@code FAILED} or {@code SKIPPED} (a newer
 *               year's assessment came first)
 * @param badges the kinds issued so far ({@code COMPLETION}, {@code LEVEL}) with their badge ids
 */
public record EarnedBadges(String state, List<Issued> badges) {

    public record Issued(String kind, String badgeId) {
    }

    public boolean isIssued() {
        return "ISSUED".equals(state);
    }

    public boolean isFailed() {
        return "FAILED".equals(state);
    }

    public boolean isSkipped() {
        return "SKIPPED".equals(state);
    }

    /** From an assessment's JSON; a submitted assessment without a badge state yet is on its way. */
    static EarnedBadges of(JsonNode assessment) {
        JsonNode badges = assessment.path("badges");
        List<Issued> issued = new ArrayList<>();
        badges.path("issued").forEach(b -> {
            String id = b.path("badgeId").asString("");
            // only ids as badge-service makes them become links
            if (id.matches("bdg-[a-z0-9-]{4,60}")) {
                issued.add(new Issued(b.path("kind").asString(""), id));
            }
        });
        String state = badges.path("state").asString("PENDING");
        return new EarnedBadges(List.of("ISSUED", "PENDING", "FAILED", "SKIPPED").contains(state) ? state : "PENDING",
                List.copyOf(issued));
    }
}
