package hk.esgone.badge.widget.store;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import hk.esgone.badge.widget.WidgetSettings;
import reactor.core.publisher.Mono;

/** The {@code widget_settings} collection. */
@Component
public class WidgetSettingsStore {

    private final ReactiveMongoTemplate mongo;

    WidgetSettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<WidgetSettings> find(String companyId) {
        return mongo.findById(companyId, WidgetSettingsDocument.class).map(WidgetSettingsDocument::toSettings);
    }

    public Mono<WidgetSettings> save(WidgetSettings settings) {
        return mongo.save(WidgetSettingsDocument.of(settings)).map(WidgetSettingsDocument::toSettings);
    }
}
