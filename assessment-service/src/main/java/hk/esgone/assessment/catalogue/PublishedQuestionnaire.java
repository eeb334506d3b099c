package hk.esgone.assessment.catalogue;

import java.time.Instant;

/**
 * A questionnaire version as published: its key, version, the JSON it was published as, the scoring rules (JSON) it is
 * scored with, when and by whom.
 */
public record PublishedQuestionnaire(String key, int version, String json, String scoringJson, Instant publishedAt,
        String publishedBy) {

    public String id() {
        return key + ":" + version;
    }
}
