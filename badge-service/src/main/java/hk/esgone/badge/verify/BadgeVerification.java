package hk.esgone.badge.verify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import com.nimbusds.jose.jwk.JWK;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.issuing.BadgeStatus;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.issuing.IssuedBadge;
import hk.esgone.badge.keys.SigningKeyRing;
import hk.esgone.badge.support.Bilingual;
import hk.esgone.platform.ids.Ids;
import reactor.core.publisher.Mono;

/**
 * Verification by badge id: the badge's record and its current credential, with the signature checked against
 * the published keys and the status read from the record the status lists are built from. This is what the
 * public page and the widget show.
 */
@Service
public class BadgeVerification {

    /** The structured answer of {@code GET /api/v1/badges/verify/{id}}. */
    public record Result(
            String badgeId,
            VerificationStatus status,
            boolean valid,
            Instant checkedAt,
            HolderView holder,
            AchievementView achievement,
            IssuerView issuer,
            Instant issuedAt,
            Instant validFrom,
            Instant validUntil,
            Instant suspendedAt,
            Instant revokedAt,
            List<Check> checks,
            Map<String, String> links) {
    }

    public record HolderView(String companyId, String brNumber, String uscc, Bilingual name) {
    }

    public record AchievementView(String id, AchievementKind kind, ScorecardLevel scorecardLevel, Bilingual name,
                                  Bilingual description, Bilingual criteria, String imageUrl) {
    }

    public record IssuerView(String id, String name) {
    }

    private static final int SIGNATURE_CACHE = 10_000;
    private static final java.time.Duration ACHIEVEMENT_CACHE = java.time.Duration.ofSeconds(30);

    private record CachedAchievement(Achievement achievement, Instant at) {
    }

    private final Map<String, CachedAchievement> achievementCache = new ConcurrentHashMap<>();

    private final BadgeService badges;
    private final AchievementService achievements;
    private final SigningKeyRing keyRing;
    private final BadgeProperties properties;
    private final Clock clock;
    /** JWTs whose signature was already verified against the current key set (keyed by the set's ETag). */
    private final Set<String> verifiedSignatures = ConcurrentHashMap.newKeySet();
    private volatile String verifiedWithKeys = "";

    BadgeVerification(BadgeService badges, AchievementService achievements, SigningKeyRing keyRing,
                      BadgeProperties properties, Clock clock) {
        this.badges = badges;
        this.achievements = achievements;
        this.keyRing = keyRing;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Result> verify(String badgeId) {
        if (!Ids.BADGE.isValid(badgeId)) {
            return Mono.just(unknown(badgeId));
        }
        return badges.findOrEmpty(badgeId)
                .flatMap(badge -> achievement(badge.achievementId())
                        .map(a -> result(badge, a))
                        .switchIfEmpty(Mono.fromSupplier(() -> result(badge, null))))
                .switchIfEmpty(Mono.fromSupplier(() -> unknown(badgeId)));
    }

    /** Achievements change rarely and only add criteria and image here; a short cache saves a read per verification. */
    private Mono<Achievement> achievement(String id) {
        CachedAchievement cached = achievementCache.get(id);
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(ACHIEVEMENT_CACHE).isAfter(now)) {
            return Mono.just(cached.achievement());
        }
        return achievements.findOrNull(id).doOnNext(a -> {
            if (achievementCache.size() > 1000) {
                achievementCache.clear();
            }
            achievementCache.put(id, new CachedAchievement(a, now));
        });
    }

    private Result unknown(String badgeId) {
        String shown = badgeId == null ? "" : badgeId.length() > 80 ? badgeId.substring(0, 80) : badgeId;
        return new Result(shown, VerificationStatus.UNKNOWN, false, clock.instant(), null, null, issuer(), null, null, null,
                null, null, List.of(Check.failed("RECORD", "ESG One has issued no badge with this id.")), Map.of());
    }

    private Result result(IssuedBadge badge, Achievement achievement) {
        Instant now = clock.instant();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed("RECORD", "Issued by ESG One on " + CredentialFormat.instant(badge.issuedAt()) + "."));
        boolean signatureOk = signatureValid(badge.jwt(), badge.kid());
        checks.add(signatureOk
                ? Check.passed("SIGNATURE", "The credential's signature matches ESG One's published key \"" + badge.kid() + "\".")
                : Check.failed("SIGNATURE", "The stored credential does not verify against ESG One's published keys."));
        BadgeStatus badgeStatus = badge.statusAt(now);
        if (!now.isBefore(badge.validUntil())) {
            checks.add(Check.failed("VALIDITY_PERIOD", "Expired on " + CredentialFormat.instant(badge.validUntil()) + "."));
        } else {
            checks.add(Check.passed("VALIDITY_PERIOD", "Valid from " + CredentialFormat.instant(badge.validFrom()) + " until "
                    + CredentialFormat.instant(badge.validUntil()) + "."));
        }
        checks.add(badge.revokedAt() != null
                ? Check.failed("REVOCATION", "Revoked on " + CredentialFormat.instant(badge.revokedAt()) + "; revocation is permanent.")
                : Check.passed("REVOCATION", "Not revoked."));
        checks.add(badge.suspended()
                ? Check.failed("SUSPENSION", "Suspended since " + CredentialFormat.instant(badge.suspendedAt()) + ".")
                : Check.passed("SUSPENSION", "Not suspended."));
        VerificationStatus status = !signatureOk ? VerificationStatus.INVALID : VerificationStatus.valueOf(badgeStatus.name());
        Holder h = badge.holder();
        Bilingual criteria = achievement == null ? null : achievement.criteria();
        String image = achievement == null ? null : achievement.imageUrl();
        String base = properties.base();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("page", base + "/badges/" + badge.id());
        links.put("credential", base + "/api/v1/badges/credentials/" + badge.id());
        links.put("image", base + "/widget/badges/" + badge.id() + ".svg");
        links.put("jwks", properties.jwksUrl());
        links.put("issuer", properties.issuerId());
        return new Result(badge.id(), status, status == VerificationStatus.VALID, now,
                new HolderView(h.companyId(), h.brNumber(), h.uscc(), h.name()),
                new AchievementView(badge.achievementId(), badge.achievementKind(), badge.scorecardLevel(), badge.name(),
                        badge.description(), criteria, image),
                issuer(), badge.issuedAt(), badge.validFrom(), badge.validUntil(), badge.suspendedAt(), badge.revokedAt(),
                checks, links);
    }

    private IssuerView issuer() {
        return new IssuerView(properties.issuerId(), CredentialFormat.ISSUER_NAME);
    }

    private boolean signatureValid(String jwt, String kid) {
        SigningKeyRing.Snapshot keys = keyRing.current();
        if (!keys.etag().equals(verifiedWithKeys)) {
            verifiedSignatures.clear();
            verifiedWithKeys = keys.etag();
        }
        if (jwt == null) {
            return false;
        }
        if (verifiedSignatures.contains(jwt)) {
            return true;
        }
        JWK key = keys.publicKey(kid);
        if (key == null) {
            return false;
        }
        try {
            Jws jws = Jws.parse(jwt, 64 * 1024);
            if (!kid.equals(jws.kid)) {
                return false;
            }
            jws.verifyWith(key);
        } catch (Jws.Failure f) {
            return false;
        }
        if (verifiedSignatures.size() >= SIGNATURE_CACHE) {
            verifiedSignatures.clear();
        }
        verifiedSignatures.add(jwt);
        return true;
    }
}
