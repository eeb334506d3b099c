package hk.esgone.testsupport.jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak in hermetic tests: signs tokens shaped like Keycloak's (issuer, audience,
 * realm roles, organization claim) and publishes its public keys as a JWKS on a loopback port.
 * Keys can be rotated to test that verifiers refetch the JWKS on an unknown {@code kid}.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "esg-api";

    private final HttpServer server;
    private final List<RSAKey> keys = new ArrayList<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final String issuer;

    public TestTokenIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/esg-one";
        keys.add(newKey());
        server.createContext("/realms/esg-one/protocol/openid-connect/certs", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body;
            synchronized (keys) {
                body = new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                        .toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Adds a new signing key; tokens are signed with it from now on, older keys stay published. */
    public void rotate() {
        synchronized (keys) {
            keys.add(newKey());
        }
    }

    public Builder token() {
        return new Builder();
    }

    /** A valid token for a user with the given realm roles, member of the given companies. */
    public String tokenFor(String subject, List<String> roles, String... companyIds) {
        return token().subject(subject).roles(roles).organizations(companyIds).sign();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "esg-web");
        private RSAKey signingKey;

        public Builder subject(String subject) {
            claims.subject(subject).claim("preferred_username", subject);
            return this;
        }

        public Builder roles(List<String> roles) {
            claims.claim("realm_access", Map.of("roles", roles));
            return this;
        }

        public Builder organizations(String... companyIds) {
            claims.claim("organization", List.of(companyIds));
            return this;
        }

        public Builder issuer(String other) {
            claims.issuer(other);
            return this;
        }

        public Builder audience(String... audience) {
            claims.audience(List.of(audience));
            return this;
        }

        public Builder expiresAt(Instant when) {
            claims.expirationTime(Date.from(when));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Signs with a key that is not published in the JWKS. */
        public Builder unpublishedKey() {
            signingKey = newKey();
            return this;
        }

        public String sign() {
            RSAKey key = signingKey;
            if (key == null) {
                synchronized (keys) {
                    key = keys.getLast();
                }
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A token with {@code alg: none} and no signature, as an attacker would send it. */
    public String unsignedToken(String subject, List<String> roles) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(token().subject(subject).roles(roles).claims.build().toString());
        return header + "." + payload + ".";
    }

    /**
     * A token as a prober forges it: well-formed, RS256, naming {@code kid} (a key nobody published), with a
     * signature of random bytes. Costs nothing to make, so thousands can be sent.
     */
    public String tokenWithUnknownKid(String kid) {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}");
        String payload = b64(token().subject("prober").roles(List.of("admin")).claims.build().toString());
        byte[] signature = new byte[256];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(signature);
        return header + "." + payload + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** A valid token whose payload was changed after signing (e.g. roles elevated). */
    public static String tampered(String token, String newPayloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(newPayloadJson) + "." + parts[2];
    }

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
