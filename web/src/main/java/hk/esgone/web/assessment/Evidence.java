package hk.esgone.web.assessment;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import hk.esgone.web.support.ServiceJson;
import tools.jackson.databind.JsonNode;

/**
 * The evidence attached to an answer, as assessment-service stores it: a link ({@code url}), or an uploaded file
 * referenced by its SHA-256 with its name, size and type. The file itself stays in the service; the portal only ever
 * streams it through with the person's token.
 */
public record Evidence(String url, String sha256, String fileName, long size, String contentType) {

    /** The largest file the service takes (its {@code Evidence.MAX_FILE_BYTES}). */
    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    /** The types the service recognises by content; a download keeps its Content-Type only when it is one of these. */
    public static final List<String> ACCEPTED_TYPES = List.of("application/pdf", "image/png", "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/plain", "text/csv");
    /** What the file input offers to choose ({@code accept}): the same types by their usual extensions. */
    public static final String ACCEPT = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv," + String.join(",", ACCEPTED_TYPES);
    /** A file reference: 64 lower-case hex digits. */
    public static boolean validSha256(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}");
    }

    public boolean file() {
        return sha256 != null;
    }

    public boolean link() {
        return url != null;
    }

    /** The link when it is an https one (the only kind the service stores); anything else is shown as text, never followed. */
    public String safeUrl() {
        return url != null && url.regionMatches(true, 0, "https://", 0, 8) ? url : null;
    }

    /** The size in words a person reads: bytes, KB or MB (one decimal). */
    public String sizeText() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
    }

    /** As the answer's {@code evidence} in a PUT: the link, or the file reference with its four fields. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (file()) {
            json.put("sha256", sha256);
            json.put("fileName", fileName);
            json.put("size", size);
            json.put("contentType", contentType);
        } else {
            json.put("url", url);
        }
        return json;
    }

    /** Null when the JSON holds neither a link nor a well-formed file reference. */
    public static Evidence of(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        String sha = json.path("sha256").asString(null);
        if (validSha256(sha)) {
            return new Evidence(null, sha, json.path("fileName").asString(sha.substring(0, 12)), json.path("size").asLong(0),
                    json.path("contentType").asString("application/octet-stream"));
        }
        String url = json.path("url").asString(null);
        return url != null && !url.isBlank() ? new Evidence(url, null, null, 0, null) : null;
    }

    /** Staff's check of the evidence of a submitted assessment: PENDING, ACCEPTED or REJECTED, with a note. */
    public record Review(String status, String note, Instant reviewedAt) {

        public static Review of(JsonNode json) {
            if (json == null || !json.isObject()) {
                return null;
            }
            String status = json.path("status").asString("PENDING");
            return new Review(List.of("PENDING", "ACCEPTED", "REJECTED").contains(status) ? status : "PENDING",
                    json.path("note").asString(null), ServiceJson.instant(json.path("reviewedAt")));
        }

        public ZonedDateTime reviewedAtLocal() {
            return reviewedAt == null ? null : reviewedAt.atZone(Assessments.HONG_KONG);
        }
    }
}
