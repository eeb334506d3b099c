package hk.esgone.directory.badges;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.directory.common.Bilingual;

/** The latest known state of one badge, by badge id, as the feed described it. */
@Document("badges")
record BadgeDocument(@Id String id, String companyId, String achievementId, String achievementKind, String scorecardLevel,
                     Bilingual name, String status, Instant validFrom, Instant validUntil, String lastEventId,
                     String lastEventType, Instant lastEventAt) {
}
