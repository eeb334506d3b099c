package hk.esgone.directory.taxonomy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.support.FieldErrors;
import hk.esgone.directory.support.Texts;
import hk.esgone.directory.taxonomy.TaxonomyEntry;
import hk.esgone.directory.taxonomy.TaxonomyProblems;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import reactor.core.publisher.Mono;

/** Taxonomies for forms and filters (public), and their extension by admins. */
@RestController
class TaxonomyController {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_]{0,39}$");
    private static final Set<String> LOCATION_GROUPS = Set.of("HK_DISTRICT", "GBA_CITY", "OTHER");

    record EntryView(String code, Bilingual label, String group, Integer minOverall, boolean active) {
        static EntryView of(TaxonomyEntry e) {
            return new EntryView(e.code(), e.label(), e.group(), e.minOverall(), e.active());
        }
    }

    record EntryRequest(Bilingual label, String group, Integer order, Boolean active, Integer minOverall) {
    }

    private final TaxonomyService taxonomies;

    TaxonomyController(TaxonomyService taxonomies) {
        this.taxonomies = taxonomies;
    }

    @GetMapping("/api/v1/directory/taxonomies")
    Mono<Map<String, List<EntryView>>> all() {
        Map<String, List<EntryView>> all = new LinkedHashMap<>();
        all.put("kinds", kinds());
        for (TaxonomyType type : TaxonomyType.values()) {
            all.put(type.path(), taxonomies.entries(type).stream().map(EntryView::of).toList());
        }
        return Mono.just(all);
    }

    @GetMapping("/api/v1/directory/taxonomies/{type}")
    Mono<List<EntryView>> one(@PathVariable String type) {
        if ("kinds".equals(type)) {
            return Mono.just(kinds());
        }
        TaxonomyType taxonomy = TaxonomyType.fromPath(type).orElseThrow(() -> TaxonomyProblems.unknownTaxonomy(type));
        return Mono.just(taxonomies.entries(taxonomy).stream().map(EntryView::of).toList());
    }

    @PutMapping("/api/v1/directory/admin/taxonomies/{type}/{code}")
    Mono<EntryView> save(@PathVariable String type, @PathVariable String code, @RequestBody EntryRequest request) {
        TaxonomyType taxonomy = TaxonomyType.fromPath(type).orElseThrow(() -> TaxonomyProblems.unknownTaxonomy(type));
        FieldErrors errors = new FieldErrors();
        if (!CODE.matcher(code).matches()) {
            errors.add("code", "must be 1-40 upper-case letters, digits or underscores");
        }
        Bilingual label = Texts.clean(request.label());
        if (label == null || label.en() == null || label.zhHant() == null) {
            errors.add("label", "both label.en and label.zhHant are required");
        } else {
            if (Texts.length(label.en()) > 200 || Texts.hasControlCharacters(label.en(), false)) {
                errors.add("label.en", "at most 200 characters, no control characters");
            }
            if (Texts.length(label.zhHant()) > 100 || Texts.hasControlCharacters(label.zhHant(), false)) {
                errors.add("label.zhHant", "at most 100 characters, no control characters");
            }
        }
        if (request.group() != null && (taxonomy != TaxonomyType.LOCATIONS || !LOCATION_GROUPS.contains(request.group()))) {
            errors.add("group", "only locations have a group: one of " + LOCATION_GROUPS);
        }
        if (request.minOverall() != null && (taxonomy != TaxonomyType.SCORECARD_LEVELS
                || request.minOverall() < 0 || request.minOverall() > 100)) {
            errors.add("minOverall", "only scorecard levels have a threshold, 0-100");
        }
        if (request.order() != null && (request.order() < 1 || request.order() > 10_000)) {
            errors.add("order", "must be 1-10000");
        }
        errors.throwIfAny();
        TaxonomyEntry wanted = new TaxonomyEntry(code, label, request.group(), request.order() == null ? 0 : request.order(),
                request.active() == null || request.active(), request.minOverall());
        return taxonomies.save(taxonomy, wanted).map(EntryView::of);
    }

    private static List<EntryView> kinds() {
        return java.util.Arrays.stream(CompanyKind.values())
                .map(k -> new EntryView(k.name(), k.label(), null, null, true)).toList();
    }
}
