package hk.esgone.web.assessment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceApi;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Evidence on an answer of a draft through assessment-service with the person's token: a file is uploaded first
 * ({@code POST …/evidence}, multipart), then its reference is put on the answer with the autosave PUT on the answer's
 * current revision, keeping its value, unit, "not applicable" and reason; a link goes straight onto the answer, and
 * removing sends {@code evidence: null}. The stored file is streamed back with the person's token (or staff's).
 * assessment-service decides who may do any of it; another company's assessment is its 404.
 */
@Service
public class AnswerEvidence {

    private static final ServiceApi.Service SERVICE = ServiceApi.Service.ASSESSMENTS;
    private static final String BASE = "/api/v1/assessments";
    /** As the service's file names: the last path segment, at most 200 characters. */
    static final int MAX_FILE_NAME = 200;
    static final int MAX_URL = 2000;

    private final ServiceApi api;
    private final Assessments assessments;

    public AnswerEvidence(ServiceApi api, Assessments assessments) {
        this.api = api;
        this.assessments = assessments;
    }

    /**
     * What became of a change: done, or why not — a key of the {@code asm.evidence.problem.*} messages, or the service's
     * own messages in both languages — with the status the page answers.
     */
    public record Outcome(String problem, List<Bilingual> messages, HttpStatus status) {

        static Outcome done() {
            return new Outcome(null, List.of(), HttpStatus.OK);
        }

        public static Outcome refused(String problem, HttpStatus status) {
            return new Outcome(problem, List.of(), status);
        }

        public boolean ok() {
            return problem == null && messages.isEmpty();
        }
    }

    /** Reads the chosen file (at most 5 MB: a larger one is refused here and nothing is sent), uploads it and attaches it. */
    public Mono<Outcome> upload(ServerWebExchange exchange, Assessments.Read read, Questionnaire.Question question, FilePart part) {
        Assessment.Answer stored = read.assessment().answer(question.id());
        if (stored == null || !stored.answered()) {
            return Mono.just(Outcome.refused("answerFirst", HttpStatus.BAD_REQUEST));
        }
        if (part == null) {
            return Mono.just(Outcome.refused("noFile", HttpStatus.BAD_REQUEST));
        }
        String name = fileName(part.filename());
        MediaType declared = part.headers().getContentType();
        String type = declared != null && Evidence.ACCEPTED_TYPES.contains(declared.getType() + "/" + declared.getSubtype())
                ? declared.getType() + "/" + declared.getSubtype() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        return DataBufferUtils.join(part.content(), (int) Evidence.MAX_FILE_BYTES)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    if (bytes.length == 0) {
                        return Mono.just(Outcome.refused("noFile", HttpStatus.BAD_REQUEST));
                    }
                    MultipartBodyBuilder body = new MultipartBodyBuilder();
                    body.part("file", new ByteArrayResource(bytes)).filename(name).contentType(MediaType.parseMediaType(type));
                    return api.uploadAsUser(exchange, SERVICE, BASE + "/" + read.assessment().id() + "/evidence", body.build())
                            .flatMap(uploaded -> {
                                Evidence file = Evidence.of(uploaded);
                                return file == null || !file.file() ? Mono.just(Outcome.refused("unavailable", HttpStatus.SERVICE_UNAVAILABLE))
                                        : attach(exchange, read, question, file);
                            })
                            .onErrorResume(ServiceFailure.class, AnswerEvidence::uploadRefused);
                })
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Outcome.refused("tooLarge", HttpStatus.CONTENT_TOO_LARGE)));
    }

    /** Puts a link on the answer (https only, checked here first; the service checks again). */
    public Mono<Outcome> link(ServerWebExchange exchange, Assessments.Read read, Questionnaire.Question question, String url) {
        Assessment.Answer stored = read.assessment().answer(question.id());
        if (stored == null || !stored.answered()) {
            return Mono.just(Outcome.refused("answerFirst", HttpStatus.BAD_REQUEST));
        }
        String problem = linkProblem(url);
        if (problem != null) {
            return Mono.just(Outcome.refused(problem, HttpStatus.BAD_REQUEST));
        }
        return attach(exchange, read, question, new Evidence(url.strip(), null, null, 0, null));
    }

    /** Takes the evidence off the answer (the answer itself stays). */
    public Mono<Outcome> remove(ServerWebExchange exchange, Assessments.Read read, Questionnaire.Question question) {
        Assessment.Answer stored = read.assessment().answer(question.id());
        if (stored == null || stored.cleared() || stored.evidence() == null) {
            return Mono.just(Outcome.done());
        }
        return attach(exchange, read, question, null);
    }

    /**
     * The autosave PUT with {@code evidence} on the answer's current revision, its value, unit, "not applicable" and
     * reason as stored. Someone saving the answer meanwhile (409): read it again and try once more on its new revision.
     */
    private Mono<Outcome> attach(ServerWebExchange exchange, Assessments.Read read, Questionnaire.Question question, Evidence evidence) {
        return put(exchange, read, question, evidence)
                .onErrorResume(ServiceFailure.class, e -> e.status() == HttpStatus.CONFLICT && "answer-conflict".equals(e.problemType())
                        ? assessments.read(exchange, read.assessment().id()).flatMap(again -> {
                            Assessment.Answer now = again.assessment().answer(question.id());
                            if (now == null || !now.answered()) {
                                return Mono.just(Outcome.refused("answerFirst", HttpStatus.CONFLICT));
                            }
                            return put(exchange, again, question, evidence);
                        })
                        : Mono.error(e))
                .onErrorResume(ServiceFailure.class, AnswerEvidence::putRefused);
    }

    private Mono<Outcome> put(ServerWebExchange exchange, Assessments.Read read, Questionnaire.Question question, Evidence evidence) {
        Assessment.Answer stored = read.assessment().answer(question.id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", stored.notApplicable() ? null : stored.value());
        body.put("unit", stored.unit());
        body.put("notApplicable", stored.notApplicable());
        body.put("reason", stored.reason());
        body.put("evidence", evidence == null ? null : evidence.json());
        body.put("baseRevision", stored.revision());
        return api.sendAsUser(exchange, SERVICE, "PUT", BASE + "/" + read.assessment().id() + "/answers/" + question.id(), body, Map.of())
                .map(saved -> Outcome.done());
    }

    private static Mono<Outcome> uploadRefused(ServiceFailure e) {
        if (passesOn(e)) {
            return Mono.error(e);
        }
        return Mono.just(switch (e.status()) {
            case CONTENT_TOO_LARGE -> Outcome.refused("tooLarge", e.status());
            case UNSUPPORTED_MEDIA_TYPE -> Outcome.refused("type", e.status());
            case CONFLICT -> Outcome.refused("too-many-files".equals(e.problemType()) ? "tooMany"
                    : "assessment-submitted".equals(e.problemType()) ? "submitted" : "conflict", e.status());
            default -> serviceMessages(e);
        });
    }

    private static Mono<Outcome> putRefused(ServiceFailure e) {
        if (passesOn(e)) {
            return Mono.error(e);
        }
        if (e.status() == HttpStatus.CONFLICT) {
            return Mono.just(Outcome.refused("assessment-submitted".equals(e.problemType()) ? "submitted" : "conflict", e.status()));
        }
        return Mono.just(serviceMessages(e));
    }

    /** Not this page's to explain: signed out (sign in again), unknown or another company's (404), not allowed (403). */
    private static boolean passesOn(ServiceFailure e) {
        return e.status() == HttpStatus.UNAUTHORIZED || e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN;
    }

    /** The service's own messages (422: each field's, in both languages), else "could not be saved — try again". */
    private static Outcome serviceMessages(ServiceFailure e) {
        if (e.serviceDown()) {
            return Outcome.refused("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
        }
        List<Bilingual> messages = new ArrayList<>();
        for (JsonNode error : e.problem().path("errors")) {
            String en = error.path("message").asString(null);
            String zh = error.path("messageZhHant").asString(null);
            if (en != null || zh != null) {
                messages.add(new Bilingual(en, zh));
            }
        }
        HttpStatus status = e.status().is4xxClientError() ? e.status() : HttpStatus.BAD_GATEWAY;
        return messages.isEmpty() ? Outcome.refused("refused", status) : new Outcome(null, List.copyOf(messages), status);
    }

    /** A file name as the service keeps it: its last path segment, no control or bidi characters, at most 200 characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = FormText.clean(name, MAX_FILE_NAME);
        return cleaned == null || cleaned.equals(".") || cleaned.equals("..") ? "evidence" : cleaned;
    }

    /** Null when {@code url} is a full https link the service may take; else the problem's key. */
    static String linkProblem(String url) {
        if (url == null || url.isBlank()) {
            return "noLink";
        }
        String link = url.strip();
        if (link.length() > MAX_URL) {
            return "linkTooLong";
        }
        if (FormText.clean(link, MAX_URL) == null || !FormText.clean(link, MAX_URL).equals(link) || link.contains(" ")) {
            return "linkInvalid";
        }
        try {
            java.net.URI uri = new java.net.URI(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getUserInfo() == null ? null : "linkInvalid";
        } catch (java.net.URISyntaxException e) {
            return "linkInvalid";
        }
    }

    /**
     * The stored file, streamed as the service sends it, as a download that cannot run in the portal's origin: kept
     * Content-Type only when it is one of the accepted types, always an attachment, no sniffing, sandboxed.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> file(ServerWebExchange exchange, String assessmentId, String sha256) {
        if (!Assessment.validId(assessmentId) || !Evidence.validSha256(sha256)) {
            return Mono.error(new ServiceFailure(HttpStatus.NOT_FOUND, null, null));
        }
        return api.downloadAsUser(exchange, SERVICE, BASE + "/" + assessmentId + "/evidence/" + sha256).map(answer -> {
            HttpHeaders from = answer.getHeaders();
            MediaType type = from.getContentType();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type != null && Evidence.ACCEPTED_TYPES.contains(type.getType() + "/" + type.getSubtype())
                    ? type : MediaType.APPLICATION_OCTET_STREAM);
            String name = null;
            try {
                name = ContentDisposition.parse(String.valueOf(from.getFirst(HttpHeaders.CONTENT_DISPOSITION))).getFilename();
            } catch (IllegalArgumentException e) {
                // no or a malformed name: the hash names the file
            }
            headers.set(HttpHeaders.CONTENT_DISPOSITION, attachment(name == null ? sha256.substring(0, 16) : fileName(name)));
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", "sandbox");
            headers.setCacheControl("private, no-store");
            if (from.getContentLength() >= 0) {
                headers.setContentLength(from.getContentLength());
            }
            return ResponseEntity.ok().headers(headers).body(answer.getBody() == null ? Flux.<DataBuffer>empty() : answer.getBody());
        });
    }

    /** {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<the name, percent-encoded>} (RFC 6266). */
    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        name.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%' ? (char) cp : '_'));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
