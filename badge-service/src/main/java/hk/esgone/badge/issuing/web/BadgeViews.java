package hk.esgone.badge.issuing.web;

import java.time.Clock;

import org.springframework.stereotype.Component;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.issuing.IssuedBadge;

/** Builds the admin view of a badge: its state now and its public links. */
@Component
class BadgeViews {

    private final BadgeProperties properties;
    private final Clock clock;

    BadgeViews(BadgeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    BadgeView view(IssuedBadge b) {
        String base = properties.base();
        return new BadgeView(b.id(), b.achievementId(), b.achievementKind(), b.scorecardLevel(), b.name(), b.holder(),
                b.statusAt(clock.instant()), b.issuedAt(), b.validFrom(), b.validUntil(), b.suspendedAt(), b.suspensionReason(),
                b.revokedAt(), b.revocationReason(), b.credentialVersion(), b.credentialId(), b.jwt(), b.kid(),
                new BadgeView.StatusPosition(b.statusList(), b.statusIndex()),
                new BadgeView.Links(base + "/badges/" + b.id(), base + "/api/v1/badges/verify/" + b.id(),
                        base + "/api/v1/badges/credentials/" + b.id(), base + "/widget/badges/" + b.id() + ".svg"));
    }
}
