package hk.esgone.testsupport.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as written over a plain socket and reads the answer until the server closes the
 * connection: for requests no HTTP client will send (a 10 KB URI, a header name with a space, {@code %ZZ}).
 */
public final class RawHttp {

    /** The answer: status code, headers (names in lower case), body as UTF-8. */
    public record Response(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code requestLineAndHeaders} (lines separated by CRLF, without the final empty line) to a loopback port. */
    public static Response send(int port, String requestLineAndHeaders) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("raw request to port " + port + " failed", e);
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, raw.substring(end + 4));
    }
}
