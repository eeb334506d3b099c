package hk.esgone.assessment.evidence.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.assessment.evidence.EvidenceFile;
import hk.esgone.assessment.evidence.EvidenceFiles;
import hk.esgone.assessment.questionnaire.Evidence;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploading an evidence file to a draft ({@code multipart/form-data}, one part {@code file}) and reading it back. The
 * parts are read as a stream of events: the file's bytes are counted as they arrive and the upload stops with 413 as
 * soon as they pass 5 MB, nothing is written to disk, and other parts are discarded unread.
 */
@RestController
@RequestMapping("/api/v1/assessments/{id}/evidence")
class EvidenceController {

    private static final String FILE_PART = "file";

    private final EvidenceFiles files;

    EvidenceController(EvidenceFiles files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EvidenceFile>> upload(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schemaProperties = @SchemaProperty(name = FILE_PART, schema = @Schema(type = "string", format = "binary")),
                    encoding = @Encoding(name = FILE_PART)))
            @RequestBody Flux<PartEvent> parts) {
        return Callers.required().flatMap(caller -> files.uploadTarget(caller, id)
                .flatMap(draft -> read(parts).flatMap(upload -> files.upload(caller, draft, upload.fileName(), upload.bytes())))
                .map(uploaded -> uploaded.created()
                        ? ResponseEntity.created(URI.create("/api/v1/assessments/" + id + "/evidence/" + uploaded.file().sha256()))
                                .body(uploaded.file())
                        : ResponseEntity.ok(uploaded.file())));
    }

    @GetMapping("/{sha256}")
    Mono<ResponseEntity<byte[]>> download(@PathVariable String id, @PathVariable String sha256) {
        return Callers.required().flatMap(caller -> files.download(caller, id, sha256)).map(stored -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, stored.file().contentType().startsWith("text/")
                        ? stored.file().contentType() + ";charset=UTF-8" : stored.file().contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(stored.file().fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(stored.data()));
    }

    /** The uploaded file's name and bytes. */
    record Upload(String fileName, byte[] bytes) {
    }

    /** The first part named {@code file} that is a file, at most {@link Evidence#MAX_FILE_BYTES}; every other part is dropped. */
    private static Mono<Upload> read(Flux<PartEvent> parts) {
        Reading reading = new Reading();
        return parts.doOnNext(reading::accept)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .then(Mono.fromCallable(reading::result));
    }

    /** Where the reading of the parts stands (the events of one request arrive one after the other). */
    private static final class Reading {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean partStarts = true;
        private boolean inFile;
        private boolean haveFile;
        private boolean namedFileWithoutFile;
        private String fileName;

        void accept(PartEvent event) {
            try {
                if (partStarts) {
                    inFile = !haveFile && FILE_PART.equals(event.name()) && event instanceof FilePartEvent;
                    if (inFile) {
                        haveFile = true;
                        fileName = ((FilePartEvent) event).filename();
                    } else if (FILE_PART.equals(event.name()) && !(event instanceof FilePartEvent)) {
                        namedFileWithoutFile = true;
                    }
                }
                partStarts = event.isLast();
                DataBuffer content = event.content();
                if (inFile) {
                    if (bytes.size() + (long) content.readableByteCount() > Evidence.MAX_FILE_BYTES) {
                        throw EvidenceFiles.fileTooLarge();
                    }
                    byte[] chunk = new byte[content.readableByteCount()];
                    content.read(chunk);
                    bytes.write(chunk, 0, chunk.length);
                }
            } finally {
                DataBufferUtils.release(event.content());
            }
        }

        Upload result() {
            if (!haveFile) {
                throw ApiProblem.validation(namedFileWithoutFile
                        ? "The part 'file' must be a file (a multipart part with a filename)."
                        : "Send the evidence as a multipart/form-data part named 'file'.");
            }
            return new Upload(fileName, bytes.toByteArray());
        }
    }

    /** {@code Content-Disposition} for a download: an ASCII fallback name and the exact name in UTF-8 (RFC 6266, 5987). */
    static final class ContentDispositions {

        private ContentDispositions() {
        }

        static String attachment(String fileName) {
            StringBuilder ascii = new StringBuilder();
            fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\' && cp != '%'
                    ? (char) cp : '_'));
            StringBuilder encoded = new StringBuilder();
            for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                    encoded.append((char) c);
                } else {
                    encoded.append('%').append(String.format("%02X", c));
                }
            }
            return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
        }
    }
}
