package hk.esgone.directory.badges;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import hk.esgone.directory.support.Bilingual;

/** Names of achievements seen on the feed, for badge facet labels. */
@Component
public class BadgeCatalog {

    private final Map<String, Bilingual> names = new ConcurrentHashMap<>();

    void remember(String achievementId, Bilingual name) {
        if (achievementId != null && name != null) {
            names.put(achievementId, name);
        }
    }

    public Bilingual name(String achievementId) {
        return names.getOrDefault(achievementId, Bilingual.of(achievementId, achievementId));
    }
}
