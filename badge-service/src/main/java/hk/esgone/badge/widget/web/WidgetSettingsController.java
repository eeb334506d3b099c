package hk.esgone.badge.widget.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.widget.WidgetSettingsService;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** A company's members (or an admin) choose which website domains may show the company's badge widget. */
@RestController
class WidgetSettingsController {

    record SettingsRequest(@NotNull @Size(max = 20, message = "at most 20 domains") List<String> allowedDomains) {
    }

    record SettingsView(String companyId, List<String> allowedDomains, Instant updatedAt) {
    }

    private static final String DOMAIN = "^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$|^localhost$";

    private final WidgetSettingsService settings;

    WidgetSettingsController(WidgetSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping("/api/v1/badges/companies/{companyId}/widget-settings")
    Mono<SettingsView> get(@PathVariable String companyId) {
        return authorized(companyId).then(settings.find(companyId))
                .map(s -> new SettingsView(s.companyId(), s.allowedDomains(), s.updatedAt()));
    }

    @PutMapping("/api/v1/badges/companies/{companyId}/widget-settings")
    Mono<SettingsView> put(@PathVariable String companyId, @Validated @RequestBody SettingsRequest request) {
        List<String> domains = request.allowedDomains().stream()
                .map(d -> d == null ? "" : d.trim().toLowerCase(Locale.ROOT).replaceAll("^\\*\\.", "").replaceAll("\\.$", ""))
                .distinct()
                .toList();
        for (String domain : domains) {
            if (!domain.matches(DOMAIN)) {
                return Mono.error(ApiProblem.validation("'" + (domain.length() > 80 ? domain.substring(0, 80) : domain)
                        + "' is not a domain name (write example.com; subdomains are included)."));
            }
        }
        return authorized(companyId).flatMap(caller -> settings.save(companyId, domains, caller.subject()))
                .map(s -> new SettingsView(s.companyId(), s.allowedDomains(), s.updatedAt()));
    }

    private static Mono<Caller> authorized(String companyId) {
        if (!Ids.COMPANY.isValid(companyId)) {
            return Mono.error(ApiProblem.validation("companyId must be a directory company id (cmp-...)."));
        }
        return Callers.memberOf(companyId, true, "Only members of " + companyId + " (or a platform admin) can change its widget settings.");
    }
}
