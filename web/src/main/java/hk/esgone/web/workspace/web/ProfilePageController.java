package hk.esgone.web.workspace.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.DirectoryChoices;
import hk.esgone.web.workspace.ProfileEditing;
import hk.esgone.web.workspace.ProfileEditing.Certification;
import hk.esgone.web.workspace.ProfileEditing.Profile;
import hk.esgone.web.workspace.ProfileEditing.Solution;
import hk.esgone.web.workspace.ProfileEditing.Stored;
import reactor.core.publisher.Mono;

/**
 * The company profile editor: English and Chinese side by side, industry and sector, locations, certifications
 * (add, change, remove; with their dates) and, for service providers, green solutions; website, logo and contact.
 * What the portal can check is said before anything is sent; directory-service's refusals appear beside their
 * fields. A profile saved by someone else since the form was opened (412) is never overwritten silently: the page
 * shows what differs between the stored profile and the person's, keeps what they typed, and saving again applies it
 * on top of the new version.
 */
@Controller
class ProfilePageController {

    static final int MAX_ROWS = 20;
    /** Blank rows offered for adding a certification or a solution. */
    static final int NEW_ROWS = 2;
    private static final List<String> FIELDS = List.of("name", "description", "industry", "sector", "locations", "sizeBand", "website",
            "logoUrl", "contact", "certifications", "solutions", "other");

    /** One entry of the list of errors above the form: where it points, what it names (a row by its number). */
    record ErrorLink(String field, String label, Integer row) {
    }

    private final ProfileEditing editing;
    private final DirectoryChoices directory;

    ProfilePageController(ProfileEditing editing, DirectoryChoices directory) {
        this.editing = editing;
        this.directory = directory;
    }

    @GetMapping("/workspace/profile")
    Mono<Rendering> profile(@RequestParam(required = false) String saved, ServerWebExchange exchange) {
        return editing.load(exchange)
                .flatMap(stored -> page(stored, stored.profile(), Map.of(), List.of(), saved != null, HttpStatus.OK))
                .switchIfEmpty(Mono.fromSupplier(() -> Rendering.view("workspace/profile").build()));
    }

    @PostMapping("/workspace/profile")
    Mono<Rendering> save(ServerWebExchange exchange) {
        Mono<Rendering> notLinked = Mono.fromSupplier(() -> Rendering.view("workspace/profile").build());
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Profile typed = read(form, errors);
            // a form without its version is treated as stale: it is never saved over whatever is stored
            long version = version(form.getFirst("version"));
            if (!errors.isEmpty()) {
                return editing.load(exchange)
                        .flatMap(current -> page(current.withVersion(version), typed, errors, List.of(), false, HttpStatus.BAD_REQUEST));
            }
            // the stored profile is read again only when the page must be shown again
            return editing.save(exchange, version, typed)
                    .map(saved -> Rendering.redirectTo("/workspace/profile?saved=1").build())
                    .onErrorResume(ServiceFailure.class, refused -> {
                        if (refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED || refused.status() == HttpStatus.FORBIDDEN
                                || refused.status() == HttpStatus.NOT_FOUND) {
                            return Mono.error(refused);
                        }
                        if (refused.status() == HttpStatus.PRECONDITION_FAILED) {
                            // saved by someone else meanwhile: show what differs, keep what was typed, offer to apply it
                            return editing.load(exchange).flatMap(now -> directory.choices().flatMap(choices ->
                                    page(now, typed, Map.of(), ProfileEditing.differences(now.profile(), typed, choices), false,
                                            HttpStatus.CONFLICT)));
                        }
                        return editing.load(exchange).flatMap(current ->
                                page(current.withVersion(version), typed, refusal(refused), List.of(), false, HttpStatus.BAD_REQUEST));
                    });
        }).switchIfEmpty(notLinked);
    }

    private Mono<Rendering> page(Stored stored, Profile shown, Map<String, String> errors, List<ProfileEditing.Difference> differences,
                                 boolean saved, HttpStatus status) {
        List<Certification> certifications = new ArrayList<>(shown.certifications());
        while (certifications.size() < Math.min(MAX_ROWS, shown.certifications().size() + NEW_ROWS)) {
            certifications.add(new Certification(null, null, null, null));
        }
        List<Solution> solutions = new ArrayList<>(shown.solutions());
        while (stored.serviceProvider() && solutions.size() < Math.min(MAX_ROWS, shown.solutions().size() + NEW_ROWS)) {
            solutions.add(new Solution(null, null, null, null, null));
        }
        return directory.choices().map(choices -> Rendering.view("workspace/profile")
                .modelAttribute("stored", stored)
                .modelAttribute("typed", shown)
                .modelAttribute("certificationRows", certifications)
                .modelAttribute("solutionRows", solutions)
                .modelAttribute("choices", choices)
                .modelAttribute("errors", errors)
                .modelAttribute("errorLinks", links(FormFields.inOrder(errors, FIELDS)))
                .modelAttribute("differences", differences)
                .modelAttribute("saved", saved)
                .status(status).build());
    }

    private static List<ErrorLink> links(Map<String, String> errors) {
        return errors.keySet().stream().map(field -> field.matches("(cert|sol)[0-9]+")
                ? new ErrorLink(field, field.startsWith("cert") ? "certificationRow" : "solutionRow", Integer.parseInt(field.replaceAll("\\D", "")) + 1)
                : new ErrorLink(field, field, null)).toList();
    }

    /** The form as typed, with what the portal can already tell is wrong. */
    static Profile read(MultiValueMap<String, String> form, Map<String, String> errors) {
        String nameEn = FormFields.text(form, "nameEn", RegisterPageController.NAME_EN_MAX, "name", errors);
        String nameZh = FormFields.text(form, "nameZh", RegisterPageController.NAME_ZH_MAX, "name", errors);
        if (nameEn == null && nameZh == null) {
            errors.putIfAbsent("name", "name");
        }
        String industry = FormFields.code(form.getFirst("industry"));
        if (industry == null) {
            errors.put("industry", "industry");
        }
        List<String> locations = List.copyOf(new LinkedHashSet<>(form.getOrDefault("locations", List.of()).stream()
                .map(FormFields::code).filter(c -> c != null).toList()));
        if (locations.isEmpty()) {
            errors.put("locations", "locations");
        } else if (locations.size() > RegisterPageController.MAX_LOCATIONS) {
            errors.put("locations", "locations-many");
        }
        List<Certification> certifications = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS + NEW_ROWS; i++) {
            String row = "cert" + i + ".";
            if ("yes".equals(form.getFirst(row + "remove"))) {
                continue;
            }
            Certification c = new Certification(FormFields.code(form.getFirst(row + "code")),
                    FormFields.text(form, row + "number", 64, "certifications", errors),
                    FormFields.text(form, row + "issuer", 120, "certifications", errors), date(form.getFirst(row + "validUntil")));
            if (c.blank()) {
                continue;
            }
            if (c.code() == null || c.number() == null || c.issuer() == null || c.validUntil() == null) {
                errors.putIfAbsent("cert" + certifications.size(), "cert");
            }
            certifications.add(c);
        }
        List<Solution> solutions = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS + NEW_ROWS; i++) {
            String row = "sol" + i + ".";
            if ("yes".equals(form.getFirst(row + "remove"))) {
                continue;
            }
            Solution s = new Solution(FormFields.code(form.getFirst(row + "category")),
                    FormFields.text(form, row + "titleEn", 150, "solutions", errors), FormFields.text(form, row + "titleZh", 150, "solutions", errors),
                    FormFields.lines(form, row + "descriptionEn", 1000, "solutions", errors),
                    FormFields.lines(form, row + "descriptionZh", 1000, "solutions", errors));
            if (s.blank()) {
                continue;
            }
            if (s.category() == null || (s.titleEn() == null && s.titleZh() == null)) {
                errors.putIfAbsent("sol" + solutions.size(), "sol");
            }
            solutions.add(s);
        }
        if (certifications.size() > MAX_ROWS || solutions.size() > MAX_ROWS) {
            errors.putIfAbsent("other", "rows");
        }
        return new Profile(nameEn, nameZh,
                FormFields.lines(form, "descriptionEn", RegisterPageController.DESCRIPTION_MAX, "description", errors),
                FormFields.lines(form, "descriptionZh", RegisterPageController.DESCRIPTION_MAX, "description", errors),
                industry, FormFields.code(form.getFirst("sector")), locations, FormFields.code(form.getFirst("sizeBand")),
                FormFields.text(form, "website", RegisterPageController.SHORT_MAX, "website", errors),
                FormFields.text(form, "logoUrl", 500, "logoUrl", errors),
                FormFields.text(form, "contactName", RegisterPageController.SHORT_MAX, "contact", errors),
                FormFields.text(form, "contactEmail", RegisterPageController.SHORT_MAX, "contact", errors),
                FormFields.text(form, "contactPhone", RegisterPageController.SHORT_MAX, "contact", errors),
                List.copyOf(certifications), List.copyOf(solutions));
    }

    /** A date as the date field sends it; a typed one that is no date is kept out (and the row is incomplete). */
    private static String date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long version(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }


    /** directory-service's refusal beside the form's fields: a certification's or solution's row by its number. */
    static Map<String, String> refusal(ServiceFailure refused) {
        return FormFields.refusal(refused, field -> field.startsWith("certifications[") ? "cert" + field.replaceAll("^certifications\\[(\\d+)\\].*", "$1")
                : field.startsWith("certifications") ? "certifications"
                : field.startsWith("solutions[") ? "sol" + field.replaceAll("^solutions\\[(\\d+)\\].*", "$1")
                : field.startsWith("solutions") ? "solutions"
                : field.startsWith("name") ? "name"
                : field.startsWith("description") ? "description"
                : field.startsWith("locations") ? "locations"
                : field.startsWith("contact") ? "contact"
                : List.of("industry", "sector", "website", "logoUrl", "sizeBand").contains(field) ? field : "other");
    }
}
