package hk.esgone.badge.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.credential.CredentialSigner;
import hk.esgone.badge.keys.SigningKeyRing;
import hk.esgone.badge.status.store.StatusListStore;
import reactor.core.publisher.Mono;

/**
 * The revocation and suspension lists. Each badge gets one position (list number and index), used in both lists.
 * Positions are handed out by an atomic counter and scattered within a list (a multiplication by an odd number
 * modulo the power-of-two list size is a bijection), so neighbouring badges do not sit on neighbouring bits.
 * A list is rebuilt from the badges themselves whenever its version (bumped after every change) moves, so there is
 * no separate bitstring to keep in step; the signed result is cached per version, and for at most
 * {@code max-age}, so even a change whose version bump was lost reaches verifiers within a minute.
 */
@Service
public class StatusListService {

    /** A position in the status lists. */
    public record Position(int list, int index) {
    }

    /** A signed status list credential and its entity tag. */
    public record SignedList(String jwt, String etag, long version) {
    }

    private record Cached(long version, Instant builtAt, SignedList list) {
    }

    private static final long SCATTER = 0x9E3779B1L; // odd
    private static final Duration LIST_VALIDITY = Duration.ofDays(1);

    private final StatusListStore store;
    private final CredentialSigner signer;
    private final BadgeProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    StatusListService(StatusListStore store, CredentialSigner signer, BadgeProperties properties, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    public int size() {
        return properties.statusList().size();
    }

    public Mono<Position> allocate() {
        int size = size();
        return store.nextPosition().map(n -> {
            long k = n - 1;
            int list = (int) (k / size);
            int index = (int) (((k % size) * SCATTER + 7919L) & (size - 1));
            return new Position(list, index);
        });
    }

    /** Marks a list as changed; call after the badge document has been updated. */
    public Mono<Void> changed(String purpose, int list) {
        cache.remove(key(purpose, list));
        return store.bumpVersion(key(purpose, list));
    }

    /** Whether the list has been handed out (list 0 always exists). */
    public Mono<Boolean> exists(int list) {
        if (list == 0) {
            return Mono.just(true);
        }
        if (list < 0) {
            return Mono.just(false);
        }
        return store.positionsHandedOut().map(handedOut -> handedOut > 0 && (handedOut - 1) / size() >= list);
    }

    public Mono<SignedList> signedList(String purpose, int list) {
        String key = key(purpose, list);
        // read the version before the badges: a list built from newer badges under an older version is only rebuilt once more
        return store.version(key)
                .flatMap(version -> {
                    Cached cached = cache.get(key);
                    Instant now = clock.instant();
                    if (cached != null && cached.version() == version && cached.builtAt().plus(properties.statusList().maxAge()).isAfter(now)
                            && cached.list().jwt() != null && signedWithActiveKey(cached)) {
                        return Mono.just(cached.list());
                    }
                    return build(purpose, list, version, now).doOnNext(built -> cache.put(key, new Cached(version, now, built)));
                });
    }

    private boolean signedWithActiveKey(Cached cached) {
        return cached.list().etag().contains(signerKid());
    }

    private String signerKid() {
        return signer.activeKid();
    }

    private Mono<SignedList> build(String purpose, int list, long version, Instant now) {
        Bitstring bits = new Bitstring(size());
        return store.flaggedIndexes(list, purpose.equals(CredentialFormat.PURPOSE_REVOCATION))
                .doOnNext(bits::set)
                .then(Mono.fromCallable(() -> {
                    var credential = CredentialFormat.statusListCredential(properties, purpose, list, bits.encode(), now,
                            now.plus(LIST_VALIDITY));
                    CredentialSigner.Signed signed = signer.sign(credential);
                    String etag = "\"sl-" + purpose.charAt(0) + list + "-v" + version + "-" + signed.kid() + "-"
                            + SigningKeyRing.sha256(signed.jwt()).substring(0, 12) + "\"";
                    return new SignedList(signed.jwt(), etag, version);
                }));
    }

    private static String key(String purpose, int list) {
        return purpose + "-" + list;
    }
}
