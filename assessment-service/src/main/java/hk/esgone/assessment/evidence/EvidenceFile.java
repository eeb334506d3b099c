package hk.esgone.assessment.evidence;

/**
 * An evidence file as stored with an assessment: the SHA-256 of its bytes (hex, lower case) names it.
 *
 * @param contentType the type recognised from the bytes themselves, never the one the uploader claimed
 */
public record EvidenceFile(String sha256, String fileName, long size, String contentType) {
}
