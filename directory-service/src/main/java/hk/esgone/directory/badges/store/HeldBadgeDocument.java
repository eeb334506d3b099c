package hk.esgone.directory.badges.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.directory.support.Bilingual;

/** The latest known state of one badge a company holds, by badge id, as badge-service's feed described it. */
@Document("badges")
public record HeldBadgeDocument(@Id String id, String companyId, String achievementId, String achievementKind,
                                String scorecardLevel, Bilingual name, String status, Instant validFrom, Instant validUntil,
                                String lastEventId, String lastEventType, Instant lastEventAt) {
}
