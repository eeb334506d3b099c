package hk.esgone.web.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: one cookie jar, redirects followed by hand so that every answer is kept, and the
 * sign-in at Keycloak's real login page (its form, filled in and posted). Tests then assert on everything the
 * portal ever sent to this "browser" — bodies, headers, cookies.
 */
public final class Traffic {

    /** One answer as the browser received it. */
    public record Answer(String method, URI uri, int status, Map<String, List<String>> headers, String body) {

        public String location() {
            return headers.getOrDefault("location", List.of()).stream().findFirst().orElse(null);
        }

        /** Status line, headers and body: what a token must never appear in. */
        public String everything() {
            return status + "\n" + headers.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining("\n")) + "\n\n" + body;
        }
    }

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final List<Answer> answers = new ArrayList<>();

    public Traffic() {
        CookieManager jar = new CookieManager();
        jar.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        // as browsers do, http://localhost counts as a secure context: Keycloak's Secure cookies come back to it
        CookieHandler cookies = new CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return jar.get(secureContext(uri), headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                jar.put(secureContext(uri), headers);
            }
        };
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    public Answer get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).GET());
    }

    public Answer postForm(String uri, Map<String, String> form) {
        List<String> fields = new ArrayList<>();
        form.forEach((name, value) -> {
            fields.add(name);
            fields.add(value);
        });
        return postFields(uri, fields);
    }

    /** A form whose fields may repeat (ticked checkboxes): {@code name, value, name, value, …}. */
    public Answer postFields(String uri, List<String> namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(namesAndValues.get(i))).append('=').append(enc(namesAndValues.get(i + 1)));
        }
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** As {@link #postFields(String, List)} with extra request headers (an htmx request sends {@code HX-Request: true}). */
    public Answer postFields(String uri, List<String> namesAndValues, Map<String, String> headers) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(namesAndValues.get(i))).append('=').append(enc(namesAndValues.get(i + 1)));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * A file-upload form ({@code multipart/form-data}): its text fields, and one file field {@code fileField} named
     * {@code fileName} with {@code content} (no file chosen when {@code fileName} is null).
     */
    public Answer postMultipart(String uri, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----portal-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + (fileName == null ? "" : fileName) + "\"\r\nContent-Type: " + (fileName == null ? "application/octet-stream" : "text/csv")
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content == null ? new byte[0] : content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Follows redirects from {@code answer} (at most 10), returning the last answer. */
    public Answer follow(Answer answer) {
        Answer current = answer;
        for (int hops = 0; hops < 10 && current.location() != null && current.status() / 100 == 3; hops++) {
            current = get(current.uri().resolve(current.location()).toString());
        }
        return current;
    }

    /**
     * Opens {@code start} (a page that needs sign-in), signs in at Keycloak's login form as {@code username} and
     * follows every redirect back; returns the page the portal finally shows.
     */
    public Answer signIn(String start, String username, String password) {
        Answer loginPage = follow(get(start));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.status() != 200 || !action.find()) {
            throw new AssertionError("expected Keycloak's login form, got " + loginPage.status() + " at " + loginPage.uri());
        }
        Answer after = follow(postForm(action.group(1).replace("&amp;", "&"),
                Map.of("username", username, "password", password, "credentialId", "")));
        // identity-first sign-in (organization members): Keycloak may take the user name first, then ask for the password
        Matcher again = FORM_ACTION.matcher(after.body());
        if (after.status() == 200 && after.uri().getPort() == loginPage.uri().getPort() && again.find()
                && after.body().contains("name=\"password\"")) {
            after = follow(postForm(again.group(1).replace("&amp;", "&"), Map.of("password", password, "credentialId", "")));
        }
        return after;
    }

    /** A download (a PDF) as the browser received it: status, headers, the body's bytes. */
    public record Download(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst().orElse(null);
        }
    }

    /** GETs {@code uri} keeping the body as bytes (not decoded as text). */
    public Download download(String uri) {
        HttpRequest built = HttpRequest.newBuilder(URI.create(uri)).GET().timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(Answer page) {
        Matcher token = HIDDEN_CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF field on " + page.uri());
        }
        return token.group(1);
    }

    private Answer send(HttpRequest.Builder request) {
        // what a browser sends: Spring Security keeps the page to return to after sign-in only for such requests
        HttpRequest built = request.timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Answer answer = new Answer(built.method(), built.uri(), response.statusCode(), response.headers().map(), response.body());
            answers.add(answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI secureContext(URI uri) {
        if ("http".equals(uri.getScheme()) && "localhost".equals(uri.getHost())) {
            return URI.create("https" + uri.toString().substring(4));
        }
        return uri;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
