package hk.esgone.badge.verify;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A compact JWS taken apart defensively: bounded size, strict base64url, JSON objects without duplicate names,
 * an allow-listed algorithm (ES256, RS256; never {@code none}, never HMAC), no {@code crit} extensions, and keys
 * only from the issuer's published JWKS (header {@code jwk}, {@code jku}, {@code x5u} are never followed).
 */
public final class Jws {

    /** A failed step: which check, and why. */
    static final class Failure extends Exception {
        final String check;

        Failure(String check, String message) {
            super(message, null, false, false);
            this.check = check;
        }
    }

    public static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern COMPACT = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    final String token;
    final JsonNode header;
    final JsonNode payload;
    final String alg;
    final String kid;

    private Jws(String token, JsonNode header, JsonNode payload, String alg, String kid) {
        this.token = token;
        this.header = header;
        this.payload = payload;
        this.alg = alg;
        this.kid = kid;
    }

    /** Parses and checks everything that needs no key: FORMAT and ALGORITHM. */
    static Jws parse(String token, int maxBytes) throws Failure {
        if (token == null || token.isEmpty()) {
            throw new Failure("FORMAT", "No credential was given.");
        }
        if (token.length() > maxBytes) {
            throw new Failure("FORMAT", "The credential is " + token.length() + " bytes; at most " + maxBytes
                    + " are accepted, which is far more than any badge needs.");
        }
        if (!COMPACT.matcher(token).matches()) {
            throw new Failure("FORMAT", "This is not a compact JWT: three base64url parts separated by dots are expected.");
        }
        String[] parts = token.split("\\.", -1);
        JsonNode header = object(parts[0], "header");
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString()) {
            throw new Failure("ALGORITHM", "The JWT header names no algorithm.");
        }
        String algorithm = alg.stringValue();
        if (algorithm.equalsIgnoreCase("none")) {
            throw new Failure("ALGORITHM", "The JWT is unsigned (alg \"none\"); only signed credentials are accepted.");
        }
        if (!algorithm.equals("ES256") && !algorithm.equals("RS256")) {
            throw new Failure("ALGORITHM", "The algorithm \"" + shorten(algorithm) + "\" is not accepted; ESG One signs with ES256 or RS256.");
        }
        if (header.has("crit")) {
            throw new Failure("ALGORITHM", "The JWT header has critical extensions (crit) that this verifier does not understand.");
        }
        if (parts[2].isEmpty()) {
            throw new Failure("SIGNATURE", "The JWT has no signature.");
        }
        JsonNode payload = object(parts[1], "payload");
        JsonNode kid = header.get("kid");
        return new Jws(token, header, payload, algorithm, kid != null && kid.isString() ? kid.stringValue() : null);
    }

    private static JsonNode object(String part, String what) throws Failure {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Failure("FORMAT", "The JWT " + what + " is not valid base64url.");
        }
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new Failure("FORMAT", "The JWT " + what + " is not a valid JSON object (or repeats a member name).");
        }
        if (node == null || !node.isObject()) {
            throw new Failure("FORMAT", "The JWT " + what + " is not a JSON object.");
        }
        return node;
    }

    /** KEY and SIGNATURE: the key must suit the algorithm, and the signature must match. */
    void verifyWith(JWK key) throws Failure {
        JWSVerifier verifier;
        try {
            if (alg.equals("ES256")) {
                if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                    throw new Failure("KEY", "Key \"" + shorten(kid) + "\" is " + describe(key) + ", which cannot verify an ES256 signature.");
                }
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else {
                if (!(key instanceof RSAKey rsa)) {
                    throw new Failure("KEY", "Key \"" + shorten(kid) + "\" is " + describe(key) + ", which cannot verify an RS256 signature.");
                }
                if (rsa.size() < 2048) {
                    throw new Failure("KEY", "Key \"" + shorten(kid) + "\" is an RSA key shorter than 2048 bits.");
                }
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            }
        } catch (JOSEException e) {
            throw new Failure("KEY", "Key \"" + shorten(kid) + "\" is not usable.");
        }
        boolean valid;
        try {
            valid = JWSObject.parse(token).verify(verifier);
        } catch (ParseException | JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new Failure("SIGNATURE", "The signature does not match the content: the credential was altered or not signed by ESG One.");
        }
    }

    private static String describe(JWK key) {
        if (key instanceof ECKey ec) {
            return "an EC key on curve " + ec.getCurve();
        }
        if (key instanceof RSAKey) {
            return "an RSA key";
        }
        return "a " + key.getKeyType() + " key";
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
