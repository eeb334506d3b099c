package hk.esgone.offers.pagination;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import hk.esgone.platform.problem.ApiProblem;

/**
 * Opaque, tamper-evident keyset cursors: the position (a sort instant and an id) and a hash of the
 * query it belongs to, signed with HMAC-SHA256. A cursor edited by hand, signed by another key, or
 * used with other filters is refused with 400 {@code invalid-cursor}.
 */
public final class Cursors {

    private static final int TAG_BYTES = 16;
    private static final int QUERY_BYTES = 8;

    private final byte[] key;

    public Cursors(String secret) {
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A position in a list sorted by (at desc, id desc). */
    public record Position(Instant at, String id) {
    }

    public String encode(Position position, String query) {
        byte[] id = position.id().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + 4 + QUERY_BYTES + id.length);
        payload.putLong(position.at().getEpochSecond());
        payload.putInt(position.at().getNano());
        payload.put(queryHash(query));
        payload.put(id);
        byte[] body = payload.array();
        byte[] tag = tag(body);
        byte[] all = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag, 0, all, body.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /** The position, or a 400 problem when the cursor is not one we issued for this query. */
    public Position decode(String cursor, String query) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (cursor.length() > 400 || all.length <= 8 + 4 + QUERY_BYTES + TAG_BYTES) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(all, all.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(all, all.length - TAG_BYTES, all.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(tag(body), TAG_BYTES), tag)) {
            throw invalid();
        }
        ByteBuffer payload = ByteBuffer.wrap(body);
        long seconds = payload.getLong();
        int nanos = payload.getInt();
        byte[] queryHash = new byte[QUERY_BYTES];
        payload.get(queryHash);
        if (!MessageDigest.isEqual(queryHash, queryHash(query))) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                    "This cursor belongs to a query with other filters; repeat the same filters or start without a cursor.");
        }
        byte[] id = new byte[payload.remaining()];
        payload.get(id);
        return new Position(Instant.ofEpochSecond(seconds, nanos), new String(id, StandardCharsets.UTF_8));
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] queryHash(String query) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)), QUERY_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiProblem invalid() {
        return new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
    }
}
