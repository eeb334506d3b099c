package hk.esgone.gateway.site.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two files every browser and crawler asks the site's root for, answered by the gateway without a
 * token: {@code /robots.txt} (public pages may be indexed, APIs and workspaces not) and {@code /favicon.ico}.
 * Both are files in {@code resources/site/}.
 */
@RestController
class SiteFilesController {

    static final String ROBOTS = "/robots.txt";
    static final String FAVICON = "/favicon.ico";
    static final MediaType ICON = MediaType.parseMediaType("image/vnd.microsoft.icon");

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final Resource robots = new ClassPathResource("site/robots.txt");
    private final Resource favicon = new ClassPathResource("site/favicon.ico");

    @GetMapping(ROBOTS)
    ResponseEntity<Resource> robots() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CACHE).body(robots);
    }

    @GetMapping(FAVICON)
    ResponseEntity<Resource> favicon() {
        return ResponseEntity.ok().contentType(ICON).cacheControl(CACHE).body(favicon);
    }
}
