package hk.esgone.assessment.questionnaire;

/** Optional proof attached to an answer: a link or an uploaded file (stored elsewhere, referenced by hash). */
public sealed interface Evidence {

    /** 5 MB: enough for a scanned policy or a bill, small enough for the free tier. */
    long MAX_FILE_BYTES = 5L * 1024 * 1024;

    int MAX_URL_LENGTH = 2_000;

    record Link(String url) implements Evidence {}

    record FileReference(String sha256, String fileName, long size, String contentType) implements Evidence {}
}
