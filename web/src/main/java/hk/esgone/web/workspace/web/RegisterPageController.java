package hk.esgone.web.workspace.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.ids.RegistrationNumbers;
import hk.esgone.web.support.ServiceFailure;
import hk.esgone.web.workspace.CompanyApplications;
import hk.esgone.web.workspace.CompanyApplications.Application;
import hk.esgone.web.workspace.DirectoryChoices;
import reactor.core.publisher.Mono;

/**
 * "Register my company": a signed-in person applies to list their company — what kind it is, its Hong Kong BR
 * number or mainland Unified Social Credit Code (checked as it is typed), its names in both languages, industry,
 * sector and locations, website and contact. What the portal can check is checked before anything is sent; what
 * directory-service refuses is shown beside the field it concerns. Nothing typed is lost on a refusal. A sent
 * application leads to the account page, where the decision appears.
 */
@Controller
class RegisterPageController {

    static final int NAME_EN_MAX = 200;
    static final int NAME_ZH_MAX = 100;
    static final int DESCRIPTION_MAX = 4000;
    static final int SHORT_MAX = 300;
    static final int MAX_LOCATIONS = 28;
    /** The form's fields in the order the page shows them: the list of errors above the form follows it. */
    private static final List<String> FIELDS = List.of("kind", "number", "name", "description", "industry", "sector", "locations",
            "website", "contact", "other");

    private final CompanyApplications applications;
    private final DirectoryChoices directory;

    RegisterPageController(CompanyApplications applications, DirectoryChoices directory) {
        this.applications = applications;
        this.directory = directory;
    }

    @GetMapping("/workspace/register")
    Mono<Rendering> form() {
        return page(empty(), Map.of(), null, HttpStatus.OK);
    }

    /** The live check of the registration number (htmx, as the person types): a sentence, never an error status. */
    @GetMapping("/workspace/register/number")
    Rendering checkNumber(@RequestParam(required = false) String brNumber, @RequestParam(required = false) String uscc) {
        return Rendering.view("workspace/register :: number-check")
                .modelAttribute("numberCheck", numberCheck(number(brNumber), number(uscc), true))
                .build();
    }

    @PostMapping("/workspace/register")
    Mono<Rendering> apply(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> errors = new LinkedHashMap<>();
            Application typed = read(form, errors);
            return directory.choices().flatMap(choices -> {
                if (typed.kind() == null || choices.kinds().stream().noneMatch(k -> k.code().equals(typed.kind()))) {
                    errors.putIfAbsent("kind", "kind");
                }
                if (!errors.isEmpty()) {
                    return page(typed, errors, null, HttpStatus.BAD_REQUEST);
                }
                return applications.apply(exchange, typed)
                        .map(id -> Rendering.redirectTo(Ids.COMPANY.isValid(id) ? "/account?applied=" + id + "#" + id : "/account").build())
                        .onErrorResume(ServiceFailure.class, refused -> refused.serviceDown() || refused.status() == HttpStatus.UNAUTHORIZED
                                ? Mono.error(refused)
                                : page(typed, refusal(refused), refused.problemType(), refused.status().is4xxClientError()
                                        ? refused.status() : HttpStatus.BAD_REQUEST));
            });
        });
    }

    private Mono<Rendering> page(Application typed, Map<String, String> errors, String problem, HttpStatus status) {
        return directory.choices().map(choices -> Rendering.view("workspace/register")
                .modelAttribute("choices", choices)
                .modelAttribute("typed", typed)
                .modelAttribute("errors", FormFields.inOrder(errors, FIELDS))
                .modelAttribute("problem", problem)
                .modelAttribute("numberCheck", typed.brNumber() == null && typed.uscc() == null ? null
                        : numberCheck(typed.brNumber(), typed.uscc(), false))
                .status(status).build());
    }

    /** The form as typed, with what the portal can already tell is wrong. */
    private static Application read(MultiValueMap<String, String> form, Map<String, String> errors) {
        String br = number(form.getFirst("brNumber"));
        String uscc = number(form.getFirst("uscc"));
        String check = numberCheck(br, uscc, false);
        if (!check.endsWith("-ok")) {
            errors.put("number", check);
        }
        String nameEn = FormFields.text(form, "nameEn", NAME_EN_MAX, "name", errors);
        String nameZh = FormFields.text(form, "nameZh", NAME_ZH_MAX, "name", errors);
        if (nameEn == null && nameZh == null) {
            errors.putIfAbsent("name", "name");
        }
        String industry = FormFields.code(form.getFirst("industry"));
        if (industry == null) {
            errors.put("industry", "industry");
        }
        List<String> locations = new ArrayList<>(new LinkedHashSet<>(form.getOrDefault("locations", List.of()).stream()
                .map(FormFields::code).filter(c -> c != null).toList()));
        if (locations.isEmpty()) {
            errors.put("locations", "locations");
        } else if (locations.size() > MAX_LOCATIONS) {
            errors.put("locations", "locations-many");
        }
        String contactName = FormFields.text(form, "contactName", SHORT_MAX, "contact", errors);
        String contactEmail = FormFields.text(form, "contactEmail", SHORT_MAX, "contact", errors);
        String contactPhone = FormFields.text(form, "contactPhone", SHORT_MAX, "contact", errors);
        return new Application(FormFields.code(form.getFirst("kind")), br, uscc, nameEn, nameZh,
                FormFields.lines(form, "descriptionEn", DESCRIPTION_MAX, "description", errors),
                FormFields.lines(form, "descriptionZh", DESCRIPTION_MAX, "description", errors), industry, FormFields.code(form.getFirst("sector")),
                List.copyOf(locations), FormFields.text(form, "website", SHORT_MAX, "website", errors), contactName, contactEmail, contactPhone);
    }

    /**
     * What the typed number is: {@code br-ok}, {@code uscc-ok}, or why not ({@code missing}, {@code both}, {@code br},
     * {@code uscc}, {@code uscc-check}). While typing, nothing typed yet is {@code empty} rather than an error.
     */
    static String numberCheck(String br, String uscc, boolean typing) {
        if (br == null && uscc == null) {
            return typing ? "empty" : "missing";
        }
        if (br != null && uscc != null) {
            return "both";
        }
        if (br != null) {
            return RegistrationNumbers.isValidBr(br) ? "br-ok" : "br";
        }
        if (RegistrationNumbers.isValidUscc(uscc)) {
            return "uscc-ok";
        }
        // the right shape with the wrong last character: most likely a typing slip somewhere in the code
        return uscc.length() == 18 && RegistrationNumbers.isValidUscc(uscc.substring(0, 17) + check(uscc)) ? "uscc-check" : "uscc";
    }

    private static char check(String uscc) {
        try {
            return RegistrationNumbers.usccCheckCharacter(uscc.substring(0, 17));
        } catch (IllegalArgumentException e) {
            return '?';
        }
    }

    /** A registration number as typed: full-width characters as ASCII, spaces and hyphens dropped, upper case. */
    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        String value = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (value.length() > 40) {
            value = value.substring(0, 40);
        }
        return value.isEmpty() ? null : value;
    }

    /** directory-service's refusal, field by field, in the form's own words. */
    static Map<String, String> refusal(ServiceFailure refused) {
        String type = refused.problemType();
        if ("duplicate-registration".equals(type)) {
            return Map.of("number", "duplicate");
        }
        if ("application-pending".equals(type)) {
            return Map.of(); // said above the form, with a link to the account page
        }
        Map<String, String> errors = FormFields.refusal(refused, field -> field.startsWith("brNumber") || field.startsWith("uscc") ? "number"
                : field.startsWith("name") ? "name"
                : field.startsWith("description") ? "description"
                : field.startsWith("locations") ? "locations"
                : field.startsWith("contact") ? "contact"
                : List.of("kind", "industry", "sector", "website").contains(field) ? field : "other");
        errors.computeIfPresent("number", (field, key) -> "refused");
        return errors;
    }

    private static Application empty() {
        return new Application(null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null);
    }
}
