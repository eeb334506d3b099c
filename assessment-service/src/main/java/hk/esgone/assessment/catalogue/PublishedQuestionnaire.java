package hk.esgone.assessment.catalogue;

import java.time.Instant;

/** A questionnaire version as published: its key, version, the JSON it was published as, when and by whom. */
public record PublishedQuestionnaire(String key, int version, String json, Instant publishedAt, String publishedBy) {

    public String id() {
        return key + ":" + version;
    }
}
