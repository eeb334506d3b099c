package hk.esgone.badge.bench.web;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only with the {@code bench} profile: a constant body of about the size of a widget image, served by the same
 * stack (filters, security, codecs), as the serving limit the verification paths are compared with.
 */
@RestController
@Profile("bench")
class BenchController {

    private static final String CONSTANT = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + "x".repeat(1900) + "</svg>";
    private static final byte[] BYTES = CONSTANT.getBytes(StandardCharsets.UTF_8);

    @GetMapping("/bench/constant")
    ResponseEntity<byte[]> constant() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                .body(BYTES);
    }
}
