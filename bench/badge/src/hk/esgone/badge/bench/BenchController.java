package hk.esgone.badge.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not part of badge-service: bench/badge/run compiles this class and puts it on the service's classpath
 * ({@code -Dloader.path}), where the service's component scan finds it (package {@code hk.esgone.badge}). With the
 * {@code bench} profile it serves a constant body of about the size of a widget image through the same stack
 * (filters, security, codecs): the serving limit the verification paths are compared with.
 */
@RestController
@Profile("bench")
class BenchController {

    private static final byte[] BYTES = ("<svg xmlns=\"http://www.w3.org/2000/svg\">" + "x".repeat(1900) + "</svg>")
            .getBytes(StandardCharsets.UTF_8);

    @GetMapping("/bench/constant")
    ResponseEntity<byte[]> constant() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(BYTES);
    }
}
