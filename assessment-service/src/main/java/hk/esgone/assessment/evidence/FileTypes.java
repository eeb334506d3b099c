package hk.esgone.assessment.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The types an evidence file may have, recognised by its content (magic bytes), never by the name or the type the
 * uploader claims: an {@code .exe} renamed {@code policy.pdf} is refused.
 */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String TEXT = "text/plain";
    static final String CSV = "text/csv";

    /** Named in the 415 problem. */
    static final String ACCEPTED = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), plain text or CSV (UTF-8)";
    static final String ACCEPTED_ZH = "PDF、PNG、JPEG、Word（.docx）、Excel（.xlsx）、純文字或CSV（UTF-8）";

    /** Entries of an Office file looked at before giving up (a ZIP names its parts up front in practice). */
    private static final int MAX_ZIP_ENTRIES = 2_000;

    private FileTypes() {
    }

    /** The content type of {@code bytes}, or null when it is none of the accepted types. */
    static String of(byte[] bytes, String fileName) {
        if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return PNG;
        }
        if (startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return JPEG;
        }
        if (startsWith(bytes, new byte[] {'P', 'K', 3, 4})) {
            return office(bytes);
        }
        if (isText(bytes)) {
            return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : TEXT;
        }
        return null;
    }

    /** A ZIP is accepted only as a Word or Excel document: its parts name which ({@code word/…}, {@code xl/…}). */
    private static String office(byte[] bytes) {
        boolean contentTypes = false;
        String kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < MAX_ZIP_ENTRIES) {
                String name = entry.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/") && kind == null) {
                    kind = DOCX;
                } else if (name.startsWith("xl/") && kind == null) {
                    kind = XLSX;
                }
                if (contentTypes && kind != null) {
                    return kind;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null; // not a readable ZIP
        }
        return null;
    }

    /** UTF-8 (a byte-order mark allowed) without control characters other than tab, line feed, carriage return, form feed. */
    private static boolean isText(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
