package hk.esgone.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;

/**
 * The directory's code lists (taxonomies) and changing them: a term's labels, whether it is offered, a district's
 * group or a level's threshold, and new codes in the lists that take them. Reads are public; each change goes to
 * directory-service's admin API with the person's own token, and directory-service decides who may make it.
 */
@Service
public class TaxonomyAdmin {

    /** Types whose codes staff may add (directory-service answers 409 {@code taxonomy-not-extendable} for the others). */
    public static final List<String> EXTENDABLE = List.of("industries", "sectors", "locations", "certifications", "solutionCategories");
    /** Types that can be changed at all ({@code kinds} are fixed by the platform). */
    public static final List<String> EDITABLE = List.of("industries", "sectors", "locations", "certifications", "solutionCategories",
            "scorecardLevels", "sizeBands");
    public static final List<String> GROUPS = List.of("HK_DISTRICT", "GBA_CITY", "OTHER");

    public record Term(String code, Bilingual label, String group, Integer minOverall, boolean active) {
    }

    private final ServiceApi api;

    public TaxonomyAdmin(ServiceApi api) {
        this.api = api;
    }

    /** Every taxonomy, by its type, in the directory's order. */
    public Mono<Map<String, List<Term>>> all() {
        return api.get(ServiceApi.Service.DIRECTORY, "/api/v1/directory/taxonomies", null).map(answer -> {
            Map<String, List<Term>> all = new LinkedHashMap<>();
            answer.properties().forEach(entry -> {
                List<Term> terms = new ArrayList<>();
                entry.getValue().forEach(t -> terms.add(new Term(t.path("code").asString(""), Bilingual.of(t.path("label")),
                        t.path("group").asString(null), t.path("minOverall").isNumber() ? t.path("minOverall").asInt() : null,
                        t.path("active").asBoolean(true))));
                all.put(entry.getKey(), terms);
            });
            return all;
        });
    }

    /** Adds or changes the term {@code code} of {@code type}; its order is kept. */
    public Mono<Void> save(ServerWebExchange exchange, String type, String code, String labelEn, String labelZh, boolean active,
                           String group, Integer minOverall) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", BadgeAdmin.bilingual(labelEn, labelZh));
        body.put("active", active);
        if (group != null) {
            body.put("group", group);
        }
        if (minOverall != null) {
            body.put("minOverall", minOverall);
        }
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "PUT", "/api/v1/directory/admin/taxonomies/" + type + "/" + code,
                body, Map.of()).then();
    }
}
