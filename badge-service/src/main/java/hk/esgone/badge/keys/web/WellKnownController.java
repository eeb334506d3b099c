package hk.esgone.badge.keys.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.keys.SigningKeyRing;
import reactor.core.publisher.Mono;

/**
 * The issuer's public keys (JWKS, every key that ever signed a badge) and its Open Badges issuer profile, which
 * the {@code issuer.id} of every credential points to.
 */
@RestController
class WellKnownController {

    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final SigningKeyRing keyRing;
    private final BadgeProperties properties;

    WellKnownController(SigningKeyRing keyRing, BadgeProperties properties) {
        this.keyRing = keyRing;
        this.properties = properties;
    }

    @GetMapping("/.well-known/jwks.json")
    Mono<ResponseEntity<String>> jwks() {
        SigningKeyRing.Snapshot keys = keyRing.current();
        return Mono.just(ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .eTag(keys.etag())
                .body(keys.jwksJson()));
    }

    @GetMapping(path = {"/.well-known/issuer", "/.well-known/issuer.json"})
    Mono<ResponseEntity<Map<String, Object>>> issuerProfile() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(CredentialFormat.VC_V2_CONTEXT, CredentialFormat.OB_V3_CONTEXT));
        profile.put("id", properties.issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", CredentialFormat.ISSUER_NAME);
        profile.put("url", properties.base());
        profile.put("description", "Issuer of ESG One e-badges for Hong Kong and Greater Bay Area SMEs. Credentials are "
                + "VC-JWTs (vc+jwt); the signing keys are published at " + properties.jwksUrl() + ".");
        profile.put("otherIdentifier", List.of(Map.of("type", "IdentifierEntry", "identifier", properties.jwksUrl(),
                "identifierType", "ext:jwks_uri")));
        return Mono.just(ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(profile));
    }
}
