package hk.esgone.web.admin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.web.admin.TaxonomyAdmin;
import hk.esgone.web.admin.TaxonomyAdmin.Term;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.PageModel;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The directory's taxonomies for council staff: every type with its terms in English and Chinese, editing a term
 * (labels, offered or not, a district's group, a level's threshold) and adding a code where the type takes new ones.
 * The lists are public, so the page itself is shown to staff only (the portal decides what to show); every change is
 * directory-service's decision, its refusals shown beside the fields.
 */
@Controller
class TaxonomiesPageController {

    private static final String PATH = "/workspace/admin/taxonomies";
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_]{0,39}$");
    static final List<String> FIELDS = List.of("code", "labelEn", "labelZh", "group", "minOverall", "other");

    private final TaxonomyAdmin taxonomies;

    TaxonomiesPageController(TaxonomyAdmin taxonomies) {
        this.taxonomies = taxonomies;
    }

    /** A term as the form shows it again. */
    record TermForm(String code, String labelEn, String labelZh, boolean active, String group, String minOverall) {

        static TermForm of(Term term) {
            return new TermForm(term.code(), term.label().en(), term.label().zhHant(), term.active(), term.group(),
                    term.minOverall() == null ? null : term.minOverall().toString());
        }
    }

    /** The taxonomies are public reads: only this page's audience is decided here, every change by directory-service. */
    private static Mono<Rendering> staffOnly(ServerWebExchange exchange, java.util.function.Supplier<Mono<Rendering>> page) {
        return exchange.getPrincipal()
                .filter(p -> p instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken t
                        && PageModel.account(t).has("admin"))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .flatMap(p -> page.get());
    }

    @GetMapping(PATH)
    Mono<Rendering> list(@RequestParam(required = false) String type, @RequestParam(required = false) String done,
                         @RequestParam(required = false) String code, ServerWebExchange exchange) {
        return staffOnly(exchange, () -> taxonomies.all().map(all -> {
            String shown = type != null && all.containsKey(type) ? type : all.keySet().stream().filter(TaxonomyAdmin.EDITABLE::contains)
                    .findFirst().orElse(null);
            String highlighted = code != null && CODE.matcher(code).matches() ? code : null;
            return Rendering.view("admin/taxonomies")
                    .modelAttribute("types", List.copyOf(all.keySet()))
                    .modelAttribute("type", shown)
                    .modelAttribute("terms", shown == null ? List.of() : all.get(shown))
                    .modelAttribute("editable", TaxonomyAdmin.EDITABLE.contains(shown))
                    .modelAttribute("extendable", TaxonomyAdmin.EXTENDABLE.contains(shown))
                    .modelAttribute("done", done != null && done.matches("saved|added") && highlighted != null ? done : null)
                    .modelAttribute("code", highlighted)
                    .build();
        }));
    }

    @GetMapping(PATH + "/{type}/{code}")
    Mono<Rendering> edit(@PathVariable String type, @PathVariable String code, ServerWebExchange exchange) {
        return staffOnly(exchange, () -> editForm(type, code));
    }

    private Mono<Rendering> editForm(String type, String code) {
        if (!TaxonomyAdmin.EDITABLE.contains(type)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (code.equals("new")) {
            return TaxonomyAdmin.EXTENDABLE.contains(type)
                    ? Mono.just(form(type, true, new TermForm(null, null, null, true, type.equals("locations") ? "OTHER" : null, null), Map.of(), HttpStatus.OK))
                    : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return term(type, code).map(term -> form(type, false, TermForm.of(term), Map.of(), HttpStatus.OK));
    }

    @PostMapping(PATH + "/{type}/{code}")
    Mono<Rendering> save(@PathVariable String type, @PathVariable String code, ServerWebExchange exchange) {
        if (!TaxonomyAdmin.EDITABLE.contains(type)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        boolean adding = code.equals("new");
        if (adding && !TaxonomyAdmin.EXTENDABLE.contains(type)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        Mono<Term> existing = adding ? Mono.just(new Term(null, new Bilingual(null, null), null, null, true)) : term(type, code);
        return existing.flatMap(current -> exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            String newCode = adding ? FormText.clean(form.getFirst("code"), 41) : code;
            if (adding && (newCode == null || !CODE.matcher(newCode).matches())) {
                errors.put("code", "code");
            }
            String labelEn = label(form.getFirst("labelEn"), 200, "labelEn", errors);
            String labelZh = label(form.getFirst("labelZh"), 100, "labelZh", errors);
            boolean active = "yes".equals(form.getFirst("active"));
            String group = null;
            if (type.equals("locations")) {
                group = form.getFirst("group");
                if (group == null || !TaxonomyAdmin.GROUPS.contains(group)) {
                    errors.put("group", "group");
                }
            }
            String minText = FormText.clean(form.getFirst("minOverall"), 10);
            Integer minOverall = null;
            if (type.equals("scorecardLevels")) {
                minOverall = minText != null && minText.matches("\\d{1,3}") ? Integer.valueOf(minText) : null;
                if (minOverall == null || minOverall > 100) {
                    errors.put("minOverall", "minOverall");
                    minOverall = null;
                }
            }
            TermForm typed = new TermForm(newCode, labelEn, labelZh, active, group, minText);
            if (!errors.isEmpty()) {
                return Mono.just(form(type, adding, typed, errors, HttpStatus.BAD_REQUEST));
            }
            Mono<Boolean> taken = adding ? term(type, newCode).map(t -> true).onErrorResume(ResponseStatusException.class, e -> Mono.just(false))
                    : Mono.just(false);
            String finalGroup = group;
            Integer finalMin = minOverall;
            return taken.flatMap(exists -> exists
                    ? Mono.just(form(type, true, typed, Map.of("code", "exists"), HttpStatus.CONFLICT))
                    : taxonomies.save(exchange, type, newCode, labelEn, labelZh, active, finalGroup, finalMin)
                            .then(Mono.just(Rendering.redirectTo(UriComponentsBuilder.fromPath(PATH).queryParam("type", type)
                                    .queryParam("done", adding ? "added" : "saved").queryParam("code", newCode).build().toUriString()).build()))
                            .onErrorResume(ServiceFailure.class, refused -> AdminForms.inPlace(refused)
                                    ? Mono.just(form(type, adding, typed, refusal(refused), AdminForms.status(refused)))
                                    : Mono.error(refused)));
        }));
    }

    /** The term {@code code} of {@code type}; a code the directory does not have is the 404 page. */
    private Mono<Term> term(String type, String code) {
        return taxonomies.all().flatMap(all -> Mono.justOrEmpty(all.getOrDefault(type, List.of()).stream()
                        .filter(t -> t.code().equals(code)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static Rendering form(String type, boolean adding, TermForm term, Map<String, String> errors, HttpStatus status) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        return Rendering.view("admin/taxonomy-term")
                .modelAttribute("type", type)
                .modelAttribute("adding", adding)
                .modelAttribute("t", term)
                .modelAttribute("errors", ordered)
                .modelAttribute("groups", TaxonomyAdmin.GROUPS)
                .status(status).build();
    }

    private static String label(String raw, int max, String field, Map<String, String> errors) {
        String cleaned = FormText.clean(raw, max + 1);
        if (cleaned == null) {
            errors.put(field, "missing");
        } else if (cleaned.codePointCount(0, cleaned.length()) > max) {
            errors.put(field, field.equals("labelEn") ? "long200" : "long100");
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
        }
        return cleaned;
    }

    /** directory-service's refusal by the form's fields ({@code label.en} → {@code labelEn}); a fixed list named. */
    private static Map<String, String> refusal(ServiceFailure refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : refused.problem().path("errors")) {
            String field = switch (error.path("field").asString("")) {
                case "code" -> "code";
                case "label", "label.en" -> "labelEn";
                case "label.zhHant" -> "labelZh";
                case "group" -> "group";
                case "minOverall" -> "minOverall";
                default -> "other";
            };
            errors.putIfAbsent(field, "refused");
        }
        if (errors.isEmpty()) {
            errors.put("other", "taxonomy-not-extendable".equals(refused.problemType()) ? "not-extendable" : "refused");
        }
        return errors;
    }
}
