package hk.esgone.badge.widget;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.widget.store.WidgetSettingsStore;
import reactor.core.publisher.Mono;

/**
 * Which websites may show a company's badge widget. Checked against the {@code Origin} of the widget's status
 * request and the {@code Referer} of the image and iframe; the iframe also gets a matching CSP
 * {@code frame-ancestors}, which browsers enforce. A request that names no site (privacy settings strip it) is
 * served: the restriction keeps honest sites honest, it is not access control.
 */
@Service
public class WidgetSettingsService {

    private static final Duration CACHE = Duration.ofSeconds(15);

    private record Cached(List<String> domains, Instant at) {
    }

    private final WidgetSettingsStore store;
    private final BadgeProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    WidgetSettingsService(WidgetSettingsStore store, BadgeProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<List<String>> allowedDomains(String companyId) {
        Cached cached = cache.get(companyId);
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(CACHE).isAfter(now)) {
            return Mono.just(cached.domains());
        }
        return store.find(companyId)
                .map(WidgetSettings::allowedDomains)
                .defaultIfEmpty(List.of())
                .doOnNext(domains -> {
                    if (cache.size() > 10_000) {
                        cache.clear();
                    }
                    cache.put(companyId, new Cached(domains, now));
                });
    }

    public Mono<WidgetSettings> save(String companyId, List<String> domains, String actor) {
        WidgetSettings settings = new WidgetSettings(companyId, domains, clock.instant(), actor);
        cache.remove(companyId);
        return store.save(settings);
    }

    public Mono<WidgetSettings> find(String companyId) {
        return store.find(companyId)
                .defaultIfEmpty(new WidgetSettings(companyId, List.of(), null, null));
    }

    /** Whether a page at {@code siteUrl} (an Origin or Referer value; null when the request names none) may show the widget. */
    public boolean allows(List<String> domains, String siteUrl) {
        if (domains.isEmpty()) {
            return true;
        }
        if (siteUrl == null || siteUrl.isBlank() || siteUrl.equals("null")) {
            return false; // no site named, or an opaque origin (sandboxed frame, file:): not one of the allowed sites
        }
        String host;
        try {
            host = URI.create(siteUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals(properties.publicUrl().getHost())) {
            return true; // our own pages
        }
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** CSP frame-ancestors for the iframe variant. */
    public String frameAncestors(List<String> domains) {
        if (domains.isEmpty()) {
            return "*";
        }
        StringBuilder sources = new StringBuilder("'self' ").append(properties.base());
        for (String domain : domains) {
            sources.append(" https://").append(domain).append(" https://*.").append(domain)
                    .append(" http://").append(domain).append(" http://*.").append(domain);
        }
        return sources.toString();
    }
}
