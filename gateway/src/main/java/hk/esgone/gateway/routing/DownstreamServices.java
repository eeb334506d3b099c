package hk.esgone.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The services behind the gateway, one entry each ({@code esg.gateway.services} in application.yml): the only
 * declaration of them. Routes, the requests anonymous callers may make, the requests any website may make from
 * a browser (CORS), the OpenAPI documents at {@code /v3/api-docs/<name>} and the health components are all
 * derived from it. Checked at start: a table that contradicts itself stops the gateway.
 *
 * @param services service name (route id, health component, circuit breaker, {@code /v3/api-docs/<name>}) to
 *                 its entry, in the order of application.yml
 */
@Validated
@ConfigurationProperties("esg.gateway")
public record DownstreamServices(@NotEmpty Map<String, @Valid @NotNull Service> services) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    public DownstreamServices {
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        Map<String, String> owners = new HashMap<>();
        services.forEach((name, service) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("esg.gateway.services: '" + name
                        + "' is not a service name (lower-case letters, digits and '-', starting with a letter)");
            }
            if (service == null) {
                return;
            }
            for (String path : service.paths()) {
                String before = owners.putIfAbsent(path, name);
                if (before != null) {
                    throw new IllegalArgumentException("esg.gateway.services: " + path + " is routed to both "
                            + before + " and " + name);
                }
            }
            service.check(name);
        });
        services = Collections.unmodifiableMap(services);
    }

    /**
     * One service.
     *
     * @param url       its base URL (an environment variable with a localhost default, e.g. {@code DIRECTORY_URL})
     * @param paths     the path patterns routed to it, passed on unchanged
     * @param anonymous the requests anyone may make without a token ({@code GET /api/v1/offers/catalogue/**});
     *                  every other request needs a valid token. Each lies within {@code paths}.
     * @param corsOpen  those of the anonymous requests any website may make from a browser, without
     *                  credentials; when not given, all of them
     * @param pages     true for the portal ({@code web}): people's browsers, signed in by the portal's own session
     *                  cookie; every request on its paths passes without a token (the portal calls the services
     *                  with the person's token, and they decide); it has no API document. Its paths never lie
     *                  under {@code /api/}.
     */
    public record Service(@NotNull URI url, @NotEmpty List<@NotNull String> paths, List<@NotNull Request> anonymous,
                          List<@NotNull Request> corsOpen, boolean pages) {

        public Service {
            paths = paths == null ? List.of() : List.copyOf(paths);
            anonymous = anonymous == null ? List.of() : List.copyOf(anonymous);
            corsOpen = corsOpen == null ? anonymous : List.copyOf(corsOpen);
        }

        private void check(String name) {
            if (url != null && (!url.isAbsolute() || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())))) {
                throw new IllegalArgumentException("esg.gateway.services." + name + ".url: " + url
                        + " is not an http(s) URL");
            }
            if (pages) {
                if (!anonymous.isEmpty() || !corsOpen.isEmpty()) {
                    throw new IllegalArgumentException("esg.gateway.services." + name
                            + ": a pages service lets every request through; it has no anonymous or cors-open list");
                }
                for (String path : paths) {
                    if (path.startsWith("/api/") || path.equals("/**")) {
                        throw new IllegalArgumentException("esg.gateway.services." + name + ".paths: " + path
                                + " — pages are never routed under /api/ nor as a catch-all");
                    }
                }
            }
            List<PathPattern> routed = new ArrayList<>();
            for (String path : paths) {
                routed.add(parse(name + ".paths", path));
            }
            for (Request request : anonymous) {
                PathContainer start = PathContainer.parsePath(request.literalStart());
                if (routed.stream().noneMatch(p -> p.matches(start))) {
                    throw new IllegalArgumentException("esg.gateway.services." + name + ".anonymous: " + request
                            + " is not under any of its paths " + paths);
                }
            }
            for (Request request : corsOpen) {
                if (!anonymous.contains(request)) {
                    throw new IllegalArgumentException("esg.gateway.services." + name + ".cors-open: " + request
                            + " is not one of its anonymous requests (a browser on another website sends no token)");
                }
            }
        }
    }

    /**
     * A method and a path pattern, written {@code "GET /api/v1/offers/catalogue/**"} in application.yml.
     * A GET also covers HEAD.
     */
    public record Request(HttpMethod method, String pattern) {

        public Request {
            if (method == null || pattern == null) {
                throw new IllegalArgumentException("a request needs a method and a path pattern");
            }
            parse("request", pattern);
        }

        /** Parses {@code "<METHOD> <path pattern>"}; used by configuration binding. */
        public static Request of(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + text + "' is not '<METHOD> <path pattern>'");
            }
            HttpMethod method = HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
            if (!Arrays.asList(HttpMethod.values()).contains(method)) {
                throw new IllegalArgumentException("'" + text + "': " + parts[0] + " is not an HTTP method");
            }
            return new Request(method, parts[1]);
        }

        /** The path up to the first segment holding a wildcard or variable. */
        String literalStart() {
            StringBuilder start = new StringBuilder();
            for (String segment : pattern.substring(1).split("/")) {
                if (segment.contains("*") || segment.contains("{") || segment.contains("?")) {
                    break;
                }
                start.append('/').append(segment);
            }
            return start.isEmpty() ? "/" : start.toString();
        }

        @Override
        public String toString() {
            return method.name() + " " + pattern;
        }
    }

    private static PathPattern parse(String what, String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException(what + ": '" + pattern + "' does not start with '/'");
        }
        try {
            return PARSER.parse(pattern);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": '" + pattern + "' is not a path pattern: " + e.getMessage(), e);
        }
    }

    /** The services with an API (routes to their OpenAPI documents), in table order. */
    public Map<String, Service> apiServices() {
        Map<String, Service> apis = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            if (!service.pages()) {
                apis.put(name, service);
            }
        });
        return apis;
    }

    /** The paths of the portal's pages, which pass without a token whatever the method. */
    public List<String> pagePaths() {
        return services.values().stream().filter(Service::pages).flatMap(s -> s.paths().stream()).toList();
    }

    /** Every service's anonymous requests, grouped by method, in table order. */
    public Map<HttpMethod, List<String>> anonymousPatternsByMethod() {
        return patternsByMethod(services.values().stream().flatMap(s -> s.anonymous().stream()).toList());
    }

    /** Every service's requests any website may make from a browser, grouped by method, in table order. */
    public Map<HttpMethod, List<String>> corsOpenPatternsByMethod() {
        return patternsByMethod(services.values().stream().flatMap(s -> s.corsOpen().stream()).toList());
    }

    private static Map<HttpMethod, List<String>> patternsByMethod(List<Request> requests) {
        Map<HttpMethod, List<String>> byMethod = new LinkedHashMap<>();
        for (Request request : requests) {
            byMethod.computeIfAbsent(request.method(), m -> new ArrayList<>()).add(request.pattern());
        }
        return byMethod;
    }
}
