package hk.esgone.badge.widget;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A company's widget settings: the website domains allowed to show its badges (empty = any). */
@Document("widget_settings")
record WidgetSettings(@Id String companyId, List<String> allowedDomains, Instant updatedAt, String updatedBy) {
}
