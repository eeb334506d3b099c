package hk.esgone.badge.achievement;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies of achievement definitions, for the web and the integration tests. */
public final class AchievementBodies {

    private AchievementBodies() {
    }

    /** A valid bilingual definition (Cleaner Production Partner 2026); {@code id} may be null. */
    public static Map<String, Object> body(String id, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("kind", kind);
        body.put("name", Map.of("en", "Cleaner Production Partner 2026", "zhHant", "清潔生產伙伴 2026"));
        body.put("description", Map.of("en", "Recognised for cleaner production.", "zhHant", "表揚清潔生產。"));
        body.put("criteria", Map.of("en", "Verified energy saving measures.", "zhHant", "經核實的節能措施。"));
        body.put("imageUrl", "https://cdn.esg-one.test/badges/cpp-2026.png");
        body.put("validity", "P1Y");
        return body;
    }
}
