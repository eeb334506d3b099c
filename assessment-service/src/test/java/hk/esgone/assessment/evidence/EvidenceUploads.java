package hk.esgone.assessment.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;

/** Multipart bodies as a browser sends them (the file name as raw UTF-8), and files of each kind. */
public final class EvidenceUploads {

    public static final String BOUNDARY = "----esgone-test-boundary-7f3a";

    private EvidenceUploads() {
    }

    /** One part {@code partName} holding {@code bytes} as the file {@code fileName} (no filename: a plain field). */
    public static byte[] multipart(String partName, String fileName, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + partName + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static MediaType contentType() {
        return MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);
    }

    /** Uploads with a Content-Length. */
    public static WebTestClient.ResponseSpec upload(WebTestClient web, String token, String assessmentId, String fileName, byte[] bytes) {
        return web.post().uri("/api/v1/assessments/" + assessmentId + "/evidence").headers(h -> h.setBearerAuth(token))
                .contentType(contentType()).bodyValue(multipart("file", fileName, bytes)).exchange();
    }

    /** Uploads in 64 KB chunks without a Content-Length (chunked transfer encoding). */
    public static WebTestClient.ResponseSpec uploadChunked(WebTestClient web, String token, String assessmentId, String fileName,
            byte[] bytes) {
        byte[] body = multipart("file", fileName, bytes);
        int chunk = 64 * 1024;
        Flux<DataBuffer> chunks = Flux.range(0, (body.length + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(Arrays.copyOfRange(body, i * chunk,
                        Math.min(body.length, (i + 1) * chunk))));
        return web.post().uri("/api/v1/assessments/" + assessmentId + "/evidence").headers(h -> h.setBearerAuth(token))
                .contentType(contentType()).body(chunks, DataBuffer.class).exchange();
    }

    /** A PDF of {@code size} bytes (the header, then filler). */
    public static byte[] pdf(int size, String marker) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = ("%PDF-1.7\n% " + marker + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
        return bytes;
    }

    public static byte[] pdf(String marker) {
        return pdf(2_000, marker);
    }

    /** A Windows executable's first bytes. */
    public static byte[] exe() {
        byte[] bytes = new byte[1_024];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[2] = (byte) 0x90;
        return bytes;
    }

    /** A ZIP with these entries (an Office file when they are an Office file's parts). */
    public static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
