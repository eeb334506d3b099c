package hk.esgone.platform.paging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/**
 * The one cursor format of every service: opaque, tamper-evident and short-lived. A cursor carries a
 * position (any string the list chooses: the last key, sort values as JSON, ...), a hash of the query it
 * belongs to and an expiry, signed with HMAC-SHA256. A cursor that was edited, signed with another key,
 * used with other filters, or is older than its lifetime is refused with 400 {@code invalid-cursor}.
 *
 * <p>Layout before base64url: version (1 byte) | expires at, epoch seconds (8) | query hash (8) |
 * position (UTF-8) | tag (16 bytes of the HMAC).
 */
public final class CursorCodec {

    /** Longest cursor accepted; longer input is refused before any work. */
    public static final int MAX_LENGTH = 2048;
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 1 + 8 + 8;
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param secret   the signing secret; blank means a random key per process (cursors then do not survive a
     *                 restart nor move between replicas, which is acceptable only for development)
     * @param lifetime how long a cursor stays usable
     */
    public CursorCodec(String secret, Duration lifetime, Clock clock) {
        byte[] bytes;
        if (secret == null || secret.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public CursorCodec(String secret) {
        this(secret, Duration.ofHours(24), Clock.systemUTC());
    }

    /** A cursor for {@code position} in the list that {@code query} describes (filters, sort; "" for none). */
    public String encode(String query, String position) {
        byte[] positionBytes = position.getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + positionBytes.length);
        body.put(VERSION);
        body.putLong(clock.instant().plus(lifetime).getEpochSecond());
        body.put(queryHash(query));
        body.put(positionBytes);
        byte[] signed = Arrays.copyOf(body.array(), body.capacity() + TAG_BYTES);
        System.arraycopy(tag(body.array()), 0, signed, body.capacity(), TAG_BYTES);
        return ENCODER.encodeToString(signed);
    }

    /** The position a cursor holds, or a 400 problem when it is not a current cursor of this query. */
    public String decode(String cursor, String query) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid("The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
        }
        byte[] signed;
        try {
            signed = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
        }
        if (signed.length < HEADER_BYTES + TAG_BYTES || signed[0] != VERSION) {
            throw invalid("The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
        }
        byte[] body = Arrays.copyOf(signed, signed.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(signed, signed.length - TAG_BYTES, signed.length);
        if (!MessageDigest.isEqual(tag(body), tag)) {
            throw invalid("The cursor is not one this service issued, or it was altered.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body, 1, body.length - 1);
        long expiresAt = buffer.getLong();
        byte[] hash = new byte[8];
        buffer.get(hash);
        if (!MessageDigest.isEqual(hash, queryHash(query))) {
            throw invalid("This cursor belongs to another query (filters or sort changed); repeat the same query or start without a cursor.");
        }
        if (clock.instant().getEpochSecond() > expiresAt) {
            throw invalid("This cursor has expired; start again from the first page.");
        }
        return new String(body, HEADER_BYTES, body.length - HEADER_BYTES, StandardCharsets.UTF_8);
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] queryHash(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", detail);
    }
}
