package hk.esgone.assessment.evidence;

import static hk.esgone.assessment.evidence.EvidenceUploads.exe;
import static hk.esgone.assessment.evidence.EvidenceUploads.multipart;
import static hk.esgone.assessment.evidence.EvidenceUploads.pdf;
import static hk.esgone.assessment.evidence.EvidenceUploads.sha256;
import static hk.esgone.assessment.evidence.EvidenceUploads.upload;
import static hk.esgone.assessment.evidence.EvidenceUploads.uploadChunked;
import static hk.esgone.assessment.evidence.EvidenceUploads.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.assessment.support.AssessmentServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Uploading evidence files, attaching them to answers and reading them back, through the whole service. */
class EvidenceFilesIntegrationTests extends AssessmentServiceIntegrationTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    private JsonNode uploaded(String token, String assessmentId, String fileName, byte[] bytes, int status) {
        return JSON.readTree(upload(web, token, assessmentId, fileName, bytes).expectStatus().isEqualTo(status)
                .expectBody().returnResult().getResponseBody());
    }

    private QuestionInfo evidenceQuestion() {
        return applicableQuestions().stream().filter(QuestionInfo::evidenceAllowed).findFirst().orElseThrow();
    }

    private static Map<String, Object> withEvidence(QuestionInfo q, long baseRevision, Object evidence) {
        Map<String, Object> body = validAnswer(q, baseRevision);
        body.put("evidence", evidence);
        return body;
    }

    private static Map<String, Object> reference(JsonNode file) {
        return Map.of("sha256", file.path("sha256").asText(), "fileName", file.path("fileName").asText(),
                "size", file.path("size").asLong(), "contentType", file.path("contentType").asText());
    }

    @Test
    void anUploadedFileIsAttachedToAnAnswerAndReadBackExactly() {
        String companyId = company("ev-roundtrip");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        byte[] bytes = pdf("environmental policy 2025");

        JsonNode file = uploaded(sme(companyId), id, "環境政策 2025.pdf", bytes, 201);
        assertThat(file.path("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(file.path("fileName").asText()).isEqualTo("環境政策 2025.pdf");
        assertThat(file.path("size").asLong()).isEqualTo(bytes.length);
        assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");

        QuestionInfo q = evidenceQuestion();
        // the client claims another size and type: the stored reference is the file's own
        Map<String, Object> claimed = new java.util.LinkedHashMap<>(reference(file));
        claimed.put("size", 12);
        claimed.put("contentType", "image/png");
        JsonNode saved = JSON.readTree(put(sme(companyId), "/api/v1/assessments/" + id + "/answers/" + q.id(),
                withEvidence(q, 0, claimed)).expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(saved.path("evidence").path("sha256").asText()).isEqualTo(sha256(bytes));
        assertThat(saved.path("evidence").path("size").asLong()).isEqualTo(bytes.length);
        assertThat(saved.path("evidence").path("contentType").asText()).isEqualTo("application/pdf");
        JsonNode answer = find(get(sme(companyId), "/api/v1/assessments/" + id).path("answers"), q.id());
        assertThat(answer.path("evidence").path("fileName").asText()).isEqualTo("環境政策 2025.pdf");
        assertThat(answer.path("evidenceReview").isNull()).as("no review while a draft").isTrue();

        for (String token : List.of(sme(companyId), admin())) {
            var result = web.get().uri("/api/v1/assessments/" + id + "/evidence/" + sha256(bytes)).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk()
                    .expectHeader().contentType("application/pdf")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Content-Security-Policy", "sandbox")
                    .expectBody().returnResult();
            assertThat(sha256(result.getResponseBody())).isEqualTo(sha256(bytes));
            assertThat(result.getResponseHeaders().getFirst("Content-Disposition")).isEqualTo(
                    "attachment; filename=\"____ 2025.pdf\"; filename*=UTF-8''%E7%92%B0%E5%A2%83%E6%94%BF%E7%AD%96%202025.pdf");
        }
    }

    @Test
    void theSameFileTwiceIsOneRecordAndADifferentOneIsAnother() {
        String companyId = company("ev-twice");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        byte[] bytes = pdf("same");

        JsonNode first = uploaded(sme(companyId), id, "first.pdf", bytes, 201);
        JsonNode again = uploaded(sme(companyId), id, "renamed.pdf", bytes, 200);
        assertThat(again).as("the record stored first").isEqualTo(first);
        JsonNode other = uploaded(sme(companyId), id, "other.pdf", pdf("other"), 201);
        assertThat(other.path("sha256").asText()).isNotEqualTo(first.path("sha256").asText());
    }

    @Test
    void anotherCompanyCanNeitherUploadNorReadNorAttachTheFiles() {
        String a = company("ev-a");
        String b = company("ev-b");
        String idA = start(a, LAST_YEAR).path("id").asText();
        String idB = start(b, LAST_YEAR).path("id").asText();
        byte[] bytes = pdf("company a's policy");
        String sha = uploaded(sme(a), idA, "a.pdf", bytes, 201).path("sha256").asText();

        problem(upload(web, sme(b), idA, "b.pdf", pdf("b into a")), 404, "not-found");
        problem(web.get().uri("/api/v1/assessments/" + idA + "/evidence/" + sha).headers(h -> h.setBearerAuth(sme(b))).exchange(),
                404, "not-found");
        problem(web.get().uri("/api/v1/assessments/" + idB + "/evidence/" + sha).headers(h -> h.setBearerAuth(sme(b))).exchange(),
                404, "not-found");
        // unknown assessment and unknown or malformed hash: the same 404
        problem(upload(web, sme(b), "asm-doesnotexist", "b.pdf", pdf("x")), 404, "not-found");
        problem(web.get().uri("/api/v1/assessments/" + idA + "/evidence/" + "0".repeat(64)).headers(h -> h.setBearerAuth(sme(a)))
                .exchange(), 404, "not-found");
        problem(web.get().uri("/api/v1/assessments/" + idA + "/evidence/not-a-hash").headers(h -> h.setBearerAuth(sme(a)))
                .exchange(), 404, "not-found");

        QuestionInfo q = evidenceQuestion();
        JsonNode refused = problem(put(sme(b), "/api/v1/assessments/" + idB + "/answers/" + q.id(),
                withEvidence(q, 0, Map.of("sha256", sha, "fileName", "a.pdf", "size", bytes.length, "contentType", "application/pdf"))),
                422, "invalid-answer");
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("evidence.sha256");
        assertThat(refused.path("errors").get(0).path("message").asText()).isEqualTo("Upload the file first.");
        assertThat(refused.path("errors").get(0).path("messageZhHant").asText()).isEqualTo("請先上載檔案。");
        assertThat(get(sme(b), "/api/v1/assessments/" + idB).path("answers")).as("nothing stored").isEmpty();
        // and B uploading the very same bytes gets its own record, readable only in its own assessment
        uploaded(sme(b), idB, "copy.pdf", bytes, 201);
    }

    @Test
    void onlyTheCompanysSmeAccountsUploadAndOnlyToADraft() {
        String companyId = company("ev-roles");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        problem(upload(web, admin(), id, "a.pdf", pdf("admin")), 403, "forbidden");
        problem(upload(web, KEYCLOAK.tokenFor("buyer-of-" + companyId, List.of("buyer"), companyId), id, "a.pdf", pdf("buyer")),
                403, "forbidden");
        web.post().uri("/api/v1/assessments/" + id + "/evidence").contentType(EvidenceUploads.contentType())
                .bodyValue(multipart("file", "a.pdf", pdf("anonymous"))).exchange().expectStatus().isUnauthorized();

        answerAll(companyId, id);
        web.post().uri("/api/v1/assessments/" + id + "/submit").headers(h -> h.setBearerAuth(sme(companyId))).exchange()
                .expectStatus().isOk();
        problem(upload(web, sme(companyId), id, "late.pdf", pdf("late")), 409, "assessment-submitted");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithAndWithoutContentLength() {
        String companyId = company("ev-size");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        int max = (int) Evidence.MAX_FILE_BYTES;

        JsonNode tooLarge = problem(upload(web, sme(companyId), id, "big.pdf", pdf(max + 1, "big")), 413, "payload-too-large");
        assertThat(tooLarge.path("detail").asText()).contains("5 MB");
        problem(uploadChunked(web, sme(companyId), id, "big.pdf", pdf(max + 1, "big chunked")), 413, "payload-too-large");

        JsonNode exactly = uploaded(sme(companyId), id, "exactly.pdf", pdf(max, "exactly five"), 201);
        assertThat(exactly.path("size").asLong()).isEqualTo(max);
        JsonNode chunked = JSON.readTree(uploadChunked(web, sme(companyId), id, "chunked.pdf", pdf(3_000_000, "chunked"))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        assertThat(chunked.path("size").asLong()).isEqualTo(3_000_000);
    }

    @Test
    void theTypeIsRecognisedByTheContentNotTheName() {
        String companyId = company("ev-types");
        String id = start(companyId, LAST_YEAR).path("id").asText();

        JsonNode refused = problem(upload(web, sme(companyId), id, "x.pdf", exe()), 415, "unsupported-media-type");
        assertThat(refused.path("detail").asText()).contains("PDF", "PNG", "JPEG", ".docx", ".xlsx", "CSV");
        problem(upload(web, sme(companyId), id, "archive.docx", zip("a.txt", "b.txt")), 415, "unsupported-media-type");
        problem(upload(web, sme(companyId), id, "latin1.txt", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), 415,
                "unsupported-media-type");

        assertThat(uploaded(sme(companyId), id, "policy.docx", zip("[Content_Types].xml", "word/document.xml"), 201)
                .path("contentType").asText()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(uploaded(sme(companyId), id, "energy.xlsx", zip("[Content_Types].xml", "xl/workbook.xml"), 201)
                .path("contentType").asText()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(uploaded(sme(companyId), id, "meter.csv", "month,kWh\n2025-01,1200\n".getBytes(StandardCharsets.UTF_8), 201)
                .path("contentType").asText()).isEqualTo("text/csv");
        assertThat(uploaded(sme(companyId), id, "note.txt", "電費單已核對。\n".getBytes(StandardCharsets.UTF_8), 201)
                .path("contentType").asText()).isEqualTo("text/plain");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(uploaded(sme(companyId), id, "a.png", png, 201).path("contentType").asText()).isEqualTo("image/png");
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
        assertThat(uploaded(sme(companyId), id, "a.jpg", jpeg, 201).path("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void anEmptyFileNoFilePartOrNoMultipartBodyIsAClearProblem() {
        String companyId = company("ev-empty");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        String path = "/api/v1/assessments/" + id + "/evidence";

        assertThat(problem(upload(web, sme(companyId), id, "empty.pdf", new byte[0]), 400, "validation").path("detail").asText())
                .contains("empty");
        assertThat(problem(web.post().uri(path).headers(h -> h.setBearerAuth(sme(companyId))).contentType(EvidenceUploads.contentType())
                .bodyValue(multipart("document", "a.pdf", pdf("wrong part"))).exchange(), 400, "validation").path("detail").asText())
                .contains("'file'");
        problem(web.post().uri(path).headers(h -> h.setBearerAuth(sme(companyId))).contentType(EvidenceUploads.contentType())
                .bodyValue(multipart("file", null, pdf("a field, not a file"))).exchange(), 400, "validation");
        problem(web.post().uri(path).headers(h -> h.setBearerAuth(sme(companyId))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"file\": \"JVBERi0=\"}").exchange(), 415, "unsupported-media-type");
        problem(web.post().uri(path).headers(h -> h.setBearerAuth(sme(companyId))).contentType(EvidenceUploads.contentType())
                .bodyValue("--not-the-boundary\r\ngarbage".getBytes(StandardCharsets.US_ASCII)).exchange(), 400, "malformed-request");
    }

    @Test
    void oddFileNamesAreReducedToASafeLastSegment() {
        String companyId = company("ev-names");
        String id = start(companyId, LAST_YEAR).path("id").asText();

        assertThat(uploaded(sme(companyId), id, "C:\\Users\\陳\\..\\報告\u202Egpj.pdf", pdf("bidi"), 201).path("fileName").asText())
                .isEqualTo("報告gpj.pdf");
        assertThat(uploaded(sme(companyId), id, "../../etc/pass\u0007wd\u200B.txt", "x\n".getBytes(StandardCharsets.UTF_8), 201)
                .path("fileName").asText()).isEqualTo("passwd.txt");
        String longName = "𝔈".repeat(150) + ".pdf";
        String stored = uploaded(sme(companyId), id, longName, pdf("long"), 201).path("fileName").asText();
        assertThat(stored.length()).isLessThanOrEqualTo(200);
        assertThat(stored).isEqualTo("𝔈".repeat(100)).as("a surrogate pair is never cut");
        assertThat(uploaded(sme(companyId), id, "\u202E\u0000", pdf("nothing left"), 201).path("fileName").asText())
                .isEqualTo("evidence");
    }

    @Test
    void anAssessmentHoldsAtMostFiftyFiles() {
        String companyId = company("ev-many");
        String id = start(companyId, LAST_YEAR).path("id").asText();
        for (int i = 0; i < EvidenceFiles.MAX_FILES_PER_ASSESSMENT; i++) {
            uploaded(sme(companyId), id, "f" + i + ".txt", ("file " + i + "\n").getBytes(StandardCharsets.UTF_8), 201);
        }
        problem(upload(web, sme(companyId), id, "one-more.txt", "one more\n".getBytes(StandardCharsets.UTF_8)), 409, "too-many-files");
        // one already stored is still answered (the same record)
        uploaded(sme(companyId), id, "again.txt", "file 0\n".getBytes(StandardCharsets.UTF_8), 200);
    }

    private static JsonNode find(JsonNode answers, String questionId) {
        for (JsonNode answer : answers) {
            if (questionId.equals(answer.path("questionId").asText())) {
                return answer;
            }
        }
        throw new AssertionError("no answer to " + questionId);
    }
}
