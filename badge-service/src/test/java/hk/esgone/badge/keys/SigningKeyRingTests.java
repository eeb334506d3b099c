package hk.esgone.badge.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.platform.problem.ApiProblem;

class SigningKeyRingTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private BadgeProperties.Keys keys(String jwks, String activeKid, boolean generate) {
        return new BadgeProperties.Keys(dir.resolve("keys"), jwks, activeKid, generate, "ES256", Duration.ofSeconds(60));
    }

    @Test
    void generatesAnEs256KeyOnFirstRunPersistsItPrivatelyAndLoadsTheSameKeyNextTime() throws Exception {
        SigningKeyRing first = new SigningKeyRing(keys(null, null, true), CLOCK);

        assertThat(first.activeKey()).isInstanceOf(ECKey.class);
        assertThat(first.activeKey().isPrivate()).isTrue();
        Path file = dir.resolve("keys").resolve(first.activeKey().getKeyID() + ".json");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        SigningKeyRing restarted = new SigningKeyRing(keys(null, null, true), CLOCK);
        assertThat(restarted.activeKey().getKeyID()).isEqualTo(first.activeKey().getKeyID());
        assertThat(Files.list(dir.resolve("keys")).count()).isEqualTo(1);
    }

    @Test
    void publishesOnlyPublicKeys() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(keys(null, null, true), CLOCK);
        JWKSet published = JWKSet.parse(ring.current().jwksJson());
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys().getFirst().isPrivate()).isFalse();
        assertThat(ring.current().jwksJson()).doesNotContain("\"d\"");
    }

    @Test
    void rotationAddsANewActiveKeyAndKeepsTheRetiredOnePublished() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(keys(null, null, true), CLOCK);
        String old = ring.activeKey().getKeyID();

        ring.rotate("RS256");

        assertThat(ring.activeKey()).isInstanceOf(RSAKey.class);
        assertThat(ring.activeKey().getKeyID()).isNotEqualTo(old);
        assertThat(JWKSet.parse(ring.current().jwksJson()).getKeys()).extracting(k -> k.getKeyID())
                .containsExactlyInAnyOrder(old, ring.activeKey().getKeyID());
        // and after a restart, the newest key signs while the old one stays published
        SigningKeyRing restarted = new SigningKeyRing(keys(null, null, true), Clock.offset(CLOCK, Duration.ofDays(1)));
        assertThat(restarted.activeKey().getKeyID()).isEqualTo(ring.activeKey().getKeyID());
        assertThat(restarted.current().publicKey(old)).isNotNull();
    }

    @Test
    void aReadOnlyKeySourceCannotBeRotatedThroughTheApi() throws Exception {
        SigningKeyRing generated = new SigningKeyRing(keys(null, null, true), CLOCK);
        String jwks = new JWKSet(generated.activeKey()).toString(false);
        BadgeProperties.Keys fromConfig = new BadgeProperties.Keys(null, jwks, null, false, "ES256", Duration.ofSeconds(60));
        SigningKeyRing ring = new SigningKeyRing(fromConfig, CLOCK);

        assertThat(ring.activeKey().getKeyID()).isEqualTo(generated.activeKey().getKeyID());
        assertThatThrownBy(() -> ring.rotate(null)).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).kind()).isEqualTo("key-store-read-only"));
    }

    @Test
    void aKeyFileWithOnlyThePublicHalfIsPublishedButNeverSigns() throws Exception {
        SigningKeyRing ring = new SigningKeyRing(keys(null, null, true), CLOCK);
        String retired = ring.activeKey().getKeyID();
        ring.rotate("ES256");
        // an operator destroys the private half of the retired key
        Files.writeString(dir.resolve("keys").resolve(retired + ".json"), ring.current().publicKey(retired).toJSONString());

        ring.reload();

        assertThat(ring.activeKey().getKeyID()).isNotEqualTo(retired);
        assertThat(ring.current().publicKey(retired)).isNotNull();
    }

    @Test
    void failsFastWithoutAnyPrivateKeyWhenGenerationIsOff() {
        assertThatThrownBy(() -> new SigningKeyRing(keys(null, null, false), CLOCK))
                .hasMessageContaining("No private signing key");
    }

    @Test
    void refusesUnsupportedKeysAndAnUnknownPinnedKid() throws Exception {
        String hmac = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"}]}";
        assertThatThrownBy(() -> new SigningKeyRing(keys(hmac, null, false), CLOCK)).hasMessageContaining("neither an EC P-256");
        assertThatThrownBy(() -> new SigningKeyRing(keys(null, "nope", true), CLOCK)).hasMessageContaining("active-kid=nope");
    }
}
