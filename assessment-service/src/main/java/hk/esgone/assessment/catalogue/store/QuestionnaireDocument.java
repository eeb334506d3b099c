package hk.esgone.assessment.catalogue.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One published questionnaire version, kept as the JSON it was published as (the domain loader reads it), so that
 * an assessment started on it can be answered and scored with exactly that version, and its scoring rules, for as long
 * as it exists.
 */
@Document("questionnaires")
record QuestionnaireDocument(@Id String id, String key, int version, String json, String scoringJson, Instant publishedAt,
        String publishedBy) {
}
