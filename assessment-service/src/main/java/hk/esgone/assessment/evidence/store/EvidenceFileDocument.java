package hk.esgone.assessment.evidence.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One uploaded evidence file: its bytes (a BSON binary, at most 5 MB, well under MongoDB's 16 MB document limit) with
 * what they are. The id is the assessment's id and the SHA-256, so the same bytes uploaded twice to one assessment are
 * one document, and a file is never shared between assessments (nor companies).
 */
@Document("evidence_files")
record EvidenceFileDocument(@Id String id, String assessmentId, String companyId, String sha256, String fileName, long size,
        String contentType, Instant uploadedAt, String uploadedBy, byte[] data) {

    static String id(String assessmentId, String sha256) {
        return assessmentId + ":" + sha256;
    }
}
