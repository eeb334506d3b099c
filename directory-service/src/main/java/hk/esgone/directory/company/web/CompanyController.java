package hk.esgone.directory.company.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.directory.company.CompanyAccess;
import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.company.CompanyProblems;
import hk.esgone.directory.company.CompanyService;
import hk.esgone.directory.company.web.CompanyViews.CompanyView;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/**
 * Company profiles: anyone reads a published one; members (and admins) read their own whatever its
 * status and edit it. The profile answer carries an ETag with the record version; sending it back as
 * If-Match makes the edit conditional.
 */
@RestController
class CompanyController {

    private final CompanyService companies;
    private final ProfileValidator validator;
    private final CompanyViews views;

    CompanyController(CompanyService companies, ProfileValidator validator, CompanyViews views) {
        this.companies = companies;
        this.validator = validator;
        this.views = views;
    }

    @GetMapping("/api/v1/directory/companies/{id}")
    Mono<ResponseEntity<CompanyView>> get(@PathVariable String id) {
        return Callers.optional().flatMap(caller -> companies.findVisible(id, caller.orElse(null))
                .map(company -> {
                    boolean owner = CompanyAccess.canSeePrivate(caller.orElse(null), company);
                    var response = ResponseEntity.ok();
                    if (owner) {
                        response.eTag("\"" + company.version() + "\"").header(HttpHeaders.CACHE_CONTROL, "private, no-store");
                    }
                    return response.body(views.of(company, owner));
                }));
    }

    @PutMapping("/api/v1/directory/companies/{id}")
    Mono<ResponseEntity<CompanyView>> update(@PathVariable String id, @RequestBody ProfileRequest request,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = version(ifMatch);
        return Callers.required()
                .flatMap(caller -> companies.findVisible(id, caller)
                        .flatMap(current -> {
                            if (!CompanyAccess.canEdit(caller, current)) {
                                return Mono.error(CompanyProblems.notMember(id));
                            }
                            return companies.updateProfile(id, caller, validator.profile(request, current.kind()), expected);
                        })
                        .map(saved -> ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(views.of(saved, true))));
    }

    @PostMapping("/api/v1/directory/applications")
    Mono<ResponseEntity<CompanyView>> apply(@RequestBody ApplicationRequest request) {
        return Callers.required()
                .flatMap(caller -> {
                    CompanyKind kind = CompanyKind.parse(request.kind());
                    if (kind == null) {
                        return Mono.error(new hk.esgone.directory.support.FieldErrors()
                                .add("kind", "one of SUPPLIER, SERVICE_PROVIDER, PARTNER")
                                .toProblem("validation", "Invalid request", "One or more fields are invalid."));
                    }
                    var registration = validator.registration(request.brNumber(), request.uscc());
                    var profile = validator.profile(request.profile(), kind);
                    return companies.submitApplication(caller, kind, registration, profile);
                })
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(java.net.URI.create("/api/v1/directory/companies/" + saved.id()))
                        .eTag("\"" + saved.version() + "\"")
                        .body(views.of(saved, true)));
    }

    @GetMapping("/api/v1/directory/applications/mine")
    Mono<List<CompanyView>> mine() {
        return Callers.required()
                .flatMapMany(companies::applicationsOf)
                .map(c -> views.of(c, true))
                .collectList();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                    "If-Match must be the ETag of the company as last read.");
        }
    }
}
