package hk.esgone.platform.web;

import java.util.Locale;

import org.springframework.http.HttpHeaders;

/**
 * A page for a person's browser in place of a problem body of {@link DecodingProblems}: an application that serves
 * pages to browsers (the gateway) declares one bean of this type; without one, every refused request gets the
 * problem details.
 */
@FunctionalInterface
public interface RefusedRequestPages {

    /**
     * The page for a request refused before any filter ran, or {@code null} when the request is not a browser's page
     * request (then the problem is sent).
     *
     * @param status the status of the answer (400 for a malformed URI)
     * @param kind the problem's type name, such as {@code malformed-uri}
     * @param rawPath the path of the request as sent, not decoded (it may be malformed)
     * @param requestHeaders the request's headers
     */
    Page page(int status, String kind, String rawPath, HttpHeaders requestHeaders);

    /**
     * An HTML page, its language and any headers to send with it beyond the content type, length and language.
     */
    record Page(String html, Locale language, HttpHeaders headers) {
    }
}
