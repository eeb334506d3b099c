package hk.esgone.badge.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.platform.problem.ApiProblem;

/**
 * The issuer's signing keys. Every key ever used stays published (retired keys as public keys only), so a
 * badge signed before a rotation still verifies after it. Keys come from a JWKS in the configuration and/or a
 * {@link KeyFolder} (read again periodically, so a rotated Kubernetes Secret is picked up without a restart). On a first local run with an
 * empty, writable folder a key is generated and persisted there. A file holding only a public key publishes a
 * retired key whose private half has been destroyed.
 */
public final class SigningKeyRing {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** What is in force right now; replaced as a whole on reload or rotation. */
    public record Snapshot(JWK active, Map<String, JWK> publicKeys, String jwksJson, String etag) {

        public JWK publicKey(String kid) {
            return kid == null ? null : publicKeys.get(kid);
        }
    }

    private final BadgeProperties.Keys config;
    private final KeyFolder folder;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public SigningKeyRing(BadgeProperties.Keys config, Clock clock) {
        this.config = config;
        this.folder = config.dir() == null ? null : new KeyFolder(config.dir());
        this.clock = clock;
        this.snapshot = load(true);
    }

    public Snapshot current() {
        return snapshot;
    }

    public JWK activeKey() {
        return snapshot.active();
    }

    /** Reads the folder again; keeps the current keys when that fails (a half-written Secret update). */
    public synchronized void reload() {
        try {
            Snapshot next = load(false);
            if (!next.jwksJson().equals(snapshot.jwksJson()) || !next.active().getKeyID().equals(snapshot.active().getKeyID())) {
                log.info("Signing keys reloaded: active {}, {} published", next.active().getKeyID(), next.publicKeys().size());
            }
            snapshot = next;
        } catch (RuntimeException e) {
            log.warn("Could not reload the signing keys; keeping the current ones: {}", e.getMessage());
        }
    }

    /**
     * Adds a new signing key (persisted in the key folder) and makes it the active one; the previous keys stay
     * published. A read-only folder (a Kubernetes Secret) is rotated by adding a key file to the Secret instead.
     */
    public synchronized JWK rotate(String algorithm) {
        String alg = algorithm == null || algorithm.isBlank() ? config.algorithm() : algorithm;
        if (!alg.equals("ES256") && !alg.equals("RS256")) {
            throw ApiProblem.validation("algorithm must be ES256 or RS256.");
        }
        if (folder == null || !folder.isWritable()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "key-store-read-only", "Keys are managed outside this service",
                    "The signing keys come from a read-only source (a Kubernetes Secret or the configuration). "
                            + "Rotate by adding a new key file to that source; it is picked up within a minute.");
        }
        JWK key = generate(alg);
        folder.write(key);
        snapshot = load(false);
        if (config.activeKid() != null) {
            log.warn("esg.badge.keys.active-kid pins {}; the new key {} is published but not used for signing until that "
                    + "setting is removed", config.activeKid(), key.getKeyID());
        }
        log.info("Signing key rotated: {} ({}) is now active", key.getKeyID(), alg);
        return key;
    }

    private Snapshot load(boolean startup) {
        Map<String, JWK> keys = new LinkedHashMap<>();
        if (config.jwks() != null) {
            try {
                for (JWK key : JWKSet.parse(config.jwks()).getKeys()) {
                    add(keys, key, "esg.badge.keys.jwks");
                }
            } catch (ParseException e) {
                throw new IllegalStateException("esg.badge.keys.jwks is not a valid JWKS: " + e.getMessage());
            }
        }
        if (folder != null) {
            for (KeyFolder.KeyFile file : folder.read()) {
                add(keys, file.key(), file.source());
            }
        }
        if (keys.values().stream().noneMatch(JWK::isPrivate)) {
            if (startup && config.generateIfMissing() && folder != null) {
                JWK generated = generate(config.algorithm());
                folder.create();
                folder.write(generated);
                log.info("No signing key found: generated {} in {} (ESG_BADGE_KEY_DIR)", generated.getKeyID(), folder.path());
                keys.put(generated.getKeyID(), generated);
            } else {
                throw new IllegalStateException("No private signing key: put a JWK file in the key folder (ESG_BADGE_KEY_DIR="
                        + config.dir() + ") or a JWKS in ESG_BADGE_SIGNING_JWKS");
            }
        }
        JWK active = chooseActive(keys);
        Map<String, JWK> publicKeys = new LinkedHashMap<>();
        keys.values().stream()
                .sorted(Comparator.comparing((JWK k) -> issued(k)).reversed().thenComparing(JWK::getKeyID))
                .forEach(k -> publicKeys.put(k.getKeyID(), k.toPublicJWK()));
        String json = new JWKSet(List.copyOf(publicKeys.values())).toString(true);
        return new Snapshot(active, Map.copyOf(publicKeys), json, "\"jwks-" + sha256(json).substring(0, 20) + "\"");
    }

    private JWK chooseActive(Map<String, JWK> keys) {
        if (config.activeKid() != null) {
            JWK pinned = keys.get(config.activeKid());
            if (pinned == null || !pinned.isPrivate()) {
                throw new IllegalStateException("esg.badge.keys.active-kid=" + config.activeKid()
                        + " names no private key that was loaded");
            }
            return pinned;
        }
        return keys.values().stream()
                .filter(JWK::isPrivate)
                .max(Comparator.comparing((JWK k) -> issued(k)).thenComparing(JWK::getKeyID))
                .orElseThrow();
    }

    private static long issued(JWK key) {
        Date iat = key.getIssueTime();
        return iat == null ? 0 : iat.getTime();
    }

    private static void add(Map<String, JWK> keys, JWK key, String source) {
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalStateException("The key in " + source + " has no \"kid\"");
        }
        boolean supported = (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                || (key instanceof RSAKey rsa && rsa.size() >= 2048);
        if (!supported) {
            throw new IllegalStateException("The key " + key.getKeyID() + " in " + source
                    + " is neither an EC P-256 key (ES256) nor an RSA key of 2048 bits or more (RS256)");
        }
        JWK existing = keys.get(key.getKeyID());
        if (existing != null && !existing.toPublicJWK().equals(key.toPublicJWK())) {
            throw new IllegalStateException("Two different keys share the kid " + key.getKeyID());
        }
        if (existing == null || key.isPrivate()) {
            keys.put(key.getKeyID(), key);
        }
    }

    JWK generate(String algorithm) {
        Date now = Date.from(clock.instant());
        try {
            if (algorithm.equals("RS256")) {
                RSAKey key = new RSAKeyGenerator(2048).algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.SIGNATURE)
                        .issueTime(now).generate();
                return new RSAKey.Builder(key).keyID(kid(key, "rs")).build();
            }
            ECKey key = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE)
                    .issueTime(now).generate();
            return new ECKey.Builder(key).keyID(kid(key, "es")).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private String kid(JWK key, String type) throws JOSEException {
        return "badge-" + KID_DATE.format(clock.instant()) + "-" + type + "-" + key.computeThumbprint().toString().substring(0, 10);
    }

    /** A signer for the active key. */
    public static JWSSigner signer(JWK key) {
        try {
            if (key instanceof ECKey ec) {
                return new ECDSASigner(ec);
            }
            return new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable signing key " + key.getKeyID(), e);
        }
    }

    public static JWSAlgorithm algorithm(JWK key) {
        return key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> kids(Snapshot snapshot) {
        return new ArrayList<>(snapshot.publicKeys().keySet());
    }
}
