package hk.esgone.badge.widget;

import java.time.Instant;
import java.util.List;

/** A company's widget settings: the website domains allowed to show its badges (empty = any). */
public record WidgetSettings(String companyId, List<String> allowedDomains, Instant updatedAt, String updatedBy) {
}
