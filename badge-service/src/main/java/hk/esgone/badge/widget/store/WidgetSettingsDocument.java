package hk.esgone.badge.widget.store;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.badge.widget.WidgetSettings;

/** A company's widget settings as stored, one document per company. */
@Document("widget_settings")
record WidgetSettingsDocument(@Id String companyId, List<String> allowedDomains, Instant updatedAt, String updatedBy) {

    static WidgetSettingsDocument of(WidgetSettings s) {
        return new WidgetSettingsDocument(s.companyId(), s.allowedDomains(), s.updatedAt(), s.updatedBy());
    }

    WidgetSettings toSettings() {
        return new WidgetSettings(companyId, allowedDomains, updatedAt, updatedBy);
    }
}
