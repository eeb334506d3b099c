package hk.esgone.web.admin.web;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.admin.AchievementAdmin;
import hk.esgone.web.admin.AchievementAdmin.Achievement;
import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Badge types: the list (active or archived), creating and changing one with its texts in both languages side by
 * side, archiving (a ticked confirmation: an archived type is no longer issued) and restoring. The form checks what
 * it can before sending; badge-service's field errors are shown beside their fields, its other refusals above the
 * form, the person's input kept. badge-service decides who may do this.
 */
@Controller
class AchievementsPageController {

    private static final String PATH = "/workspace/admin/achievements";
    /** The form's fields in the order it shows them (the error summary follows it). */
    static final List<String> FIELDS = List.of("id", "kind", "scorecardLevel", "nameEn", "nameZh", "descriptionEn", "descriptionZh",
            "criteriaEn", "criteriaZh", "criteriaUrl", "imageUrl", "validity", "other");
    private static final Pattern ID = Pattern.compile("^ach-[a-z0-9][a-z0-9-]{2,60}$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"']+$");
    private static final Pattern VALIDITY = Pattern.compile("^P(?!$)(\\d{1,3}Y)?(\\d{1,3}M)?(\\d{1,4}D)?$");

    private final AchievementAdmin achievements;

    AchievementsPageController(AchievementAdmin achievements) {
        this.achievements = achievements;
    }

    @GetMapping(PATH)
    Mono<Rendering> list(@RequestParam(required = false) String show, @RequestParam(required = false) String done,
                         @RequestParam(required = false) String achievement, ServerWebExchange exchange) {
        boolean archived = "archived".equals(show);
        return listPage(exchange, archived, done != null && done.matches("created|saved|archived|restored") ? done : null,
                Ids.ACHIEVEMENT.isValid(achievement) ? achievement : null, null, HttpStatus.OK);
    }

    @GetMapping(PATH + "/new")
    Mono<Rendering> blank() {
        return Mono.just(form(Achievement.blank(), true, Map.of(), HttpStatus.OK));
    }

    @GetMapping(PATH + "/{id}")
    Mono<Rendering> edit(@PathVariable String id, ServerWebExchange exchange) {
        if (!Ids.ACHIEVEMENT.isValid(id)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return achievements.get(exchange, id).map(a -> form(a, false, Map.of(), HttpStatus.OK));
    }

    @PostMapping(PATH)
    Mono<Rendering> create(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Achievement typed = read(form, null, errors, true);
            if (!errors.isEmpty()) {
                return Mono.just(form(typed, true, errors, HttpStatus.BAD_REQUEST));
            }
            return achievements.create(exchange, typed).map(id -> done("created", id))
                    .onErrorResume(ServiceFailure.class, refused -> refusal(refused, typed, true));
        });
    }

    @PostMapping(PATH + "/{id}")
    Mono<Rendering> save(@PathVariable String id, ServerWebExchange exchange) {
        if (!Ids.ACHIEVEMENT.isValid(id)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Achievement typed = read(form, id, errors, false);
            if (!errors.isEmpty()) {
                return Mono.just(form(typed, false, errors, HttpStatus.BAD_REQUEST));
            }
            return achievements.update(exchange, id, typed).map(saved -> done("saved", id))
                    .onErrorResume(ServiceFailure.class, refused -> refusal(refused, typed, false));
        });
    }

    @PostMapping(PATH + "/{id}/{action}")
    Mono<Rendering> archive(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        if (!Ids.ACHIEVEMENT.isValid(id) || !(action.equals("archive") || action.equals("restore"))) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        boolean archiving = action.equals("archive");
        return exchange.getFormData().flatMap(form -> {
            if (archiving && !AdminForms.confirmed(form)) {
                return listPage(exchange, false, null, id, "not-confirmed", HttpStatus.BAD_REQUEST);
            }
            return achievements.archive(exchange, id, archiving).map(a -> Rendering.redirectTo(UriComponentsBuilder.fromPath(PATH)
                            .queryParam("show", archiving ? "archived" : "active").queryParam("done", archiving ? "archived" : "restored")
                            .queryParam("achievement", id).build().toUriString()).build())
                    .onErrorResume(ServiceFailure.class, refused -> AdminForms.inPlace(refused)
                            ? listPage(exchange, !archiving, null, id, "refused", AdminForms.status(refused))
                            : Mono.error(refused));
        });
    }

    private Mono<Rendering> listPage(ServerWebExchange exchange, boolean archived, String done, String achievement, String problem,
                                     HttpStatus status) {
        return achievements.all(exchange).map(all -> Rendering.view("admin/achievements")
                .modelAttribute("achievements", all.stream().filter(a -> a.archived() == archived).toList())
                .modelAttribute("archived", archived)
                .modelAttribute("activeCount", all.stream().filter(a -> !a.archived()).count())
                .modelAttribute("archivedCount", all.stream().filter(Achievement::archived).count())
                .modelAttribute("done", done)
                .modelAttribute("achievement", achievement)
                .modelAttribute("problem", problem)
                .status(status).build());
    }

    private static Rendering form(Achievement achievement, boolean creating, Map<String, String> errors, HttpStatus status) {
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
        return Rendering.view("admin/achievement")
                .modelAttribute("a", achievement)
                .modelAttribute("creating", creating)
                .modelAttribute("errors", ordered)
                .modelAttribute("kinds", AchievementAdmin.KINDS)
                .modelAttribute("levels", AchievementAdmin.LEVELS)
                .status(status).build();
    }

    private static Rendering done(String done, String id) {
        return Rendering.redirectTo(UriComponentsBuilder.fromPath(PATH).queryParam("done", done).queryParam("achievement", id)
                .build().toUriString()).build();
    }

    /** badge-service's refusal: field errors beside their fields, a taken id or a fixed kind named, the rest above the form. */
    private static Mono<Rendering> refusal(ServiceFailure refused, Achievement typed, boolean creating) {
        if (!AdminForms.inPlace(refused)) {
            return Mono.error(refused);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode error : refused.problem().path("errors")) {
            String field = formField(error.path("field").asString(""));
            errors.putIfAbsent(field, field.equals("other") ? "refused" : field);
        }
        if (errors.isEmpty()) {
            switch (refused.problemType()) {
                case "achievement-exists" -> errors.put("id", "exists");
                case "achievement-kind-fixed" -> errors.put("kind", "fixed");
                default -> errors.put("other", "refused");
            }
        }
        return Mono.just(form(typed, creating, errors, AdminForms.status(refused)));
    }

    /** The form field of a field badge-service names ({@code name.en} → {@code nameEn}). */
    static String formField(String apiField) {
        return switch (apiField) {
            case "id", "kind", "scorecardLevel", "criteriaUrl", "imageUrl", "validity" -> apiField;
            case "name.en" -> "nameEn";
            case "name.zhHant" -> "nameZh";
            case "description.en" -> "descriptionEn";
            case "description.zhHant" -> "descriptionZh";
            case "criteria.en" -> "criteriaEn";
            case "criteria.zhHant" -> "criteriaZh";
            default -> "other";
        };
    }

    /** The form as typed, cleaned; each problem noted against its field with the message's key. */
    static Achievement read(MultiValueMap<String, String> form, String id, Map<String, String> errors, boolean creating) {
        String typedId = creating ? FormText.clean(form.getFirst("id"), 80) : id;
        if (creating && typedId != null && !ID.matcher(typedId).matches()) {
            errors.put("id", "id");
        }
        String kind = form.getFirst("kind");
        if (kind == null || !AchievementAdmin.KINDS.contains(kind)) {
            errors.put("kind", "kind");
            kind = null;
        }
        String level = form.getFirst("scorecardLevel");
        level = level != null && AchievementAdmin.LEVELS.contains(level) ? level : null;
        if ("SCORECARD_LEVEL".equals(kind) && level == null) {
            errors.put("scorecardLevel", "scorecardLevel");
        }
        String nameEn = text(form, "nameEn", 120, errors, false);
        String nameZh = text(form, "nameZh", 120, errors, false);
        String descriptionEn = text(form, "descriptionEn", 4000, errors, true);
        String descriptionZh = text(form, "descriptionZh", 4000, errors, true);
        String criteriaEn = text(form, "criteriaEn", 4000, errors, true);
        String criteriaZh = text(form, "criteriaZh", 4000, errors, true);
        String criteriaUrl = url(form, "criteriaUrl", errors);
        String imageUrl = url(form, "imageUrl", errors);
        String validity = FormText.clean(form.getFirst("validity"), 20);
        if (validity == null || !VALIDITY.matcher(validity).matches() || !reasonablePeriod(validity)) {
            errors.put("validity", "validity");
        }
        return new Achievement(typedId, kind, level, nameEn, nameZh, descriptionEn, descriptionZh, criteriaEn, criteriaZh, criteriaUrl,
                imageUrl, validity, false);
    }

    private static String text(MultiValueMap<String, String> form, String name, int max, Map<String, String> errors, boolean lines) {
        String raw = form.getFirst(name);
        String cleaned = lines ? FormText.cleanLines(raw, max + 1) : FormText.clean(raw, max + 1);
        if (cleaned == null) {
            errors.put(name, name + ".missing");
        } else if (cleaned.codePointCount(0, cleaned.length()) > max) {
            errors.put(name, name + ".long");
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
        }
        return cleaned;
    }

    private static String url(MultiValueMap<String, String> form, String name, Map<String, String> errors) {
        String raw = form.getFirst(name);
        String cleaned = FormText.clean(raw, 2001);
        if (cleaned != null && (cleaned.length() > 2000 || !URL.matcher(cleaned).matches())) {
            errors.put(name, "url");
        }
        return cleaned;
    }

    /** badge-service takes periods from one day to ten years. */
    private static boolean reasonablePeriod(String validity) {
        try {
            Period p = Period.parse(validity);
            long days = p.getYears() * 366L + p.getMonths() * 31L + p.getDays();
            long minDays = p.getYears() * 365L + p.getMonths() * 28L + p.getDays();
            return minDays >= 1 && days <= 3660 + 2;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
