package hk.esgone.web.company.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;

import hk.esgone.platform.ids.Ids;
import hk.esgone.web.company.CompanyProfiles;
import hk.esgone.web.config.WebProperties;
import hk.esgone.web.support.ServiceFailure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A company's public profile (with Open Graph tags and schema.org JSON-LD for sharing and search engines) and the
 * side-by-side comparison of up to three suppliers. An unknown, unpublished or malformed id is the friendly 404.
 */
@Controller
class CompanyPageController {

    static final int MAX_COMPARED = 3;

    private final CompanyProfiles profiles;
    private final WebProperties web;

    CompanyPageController(CompanyProfiles profiles, WebProperties web) {
        this.profiles = profiles;
        this.web = web;
    }

    @GetMapping("/companies/{id}")
    Mono<Rendering> profile(@PathVariable String id) {
        return profiles.profile(id).map(profile -> Rendering.view("company/profile")
                .modelAttribute("company", profile)
                .modelAttribute("pageUrl", web.publicUrl("/companies/" + profile.id()))
                .build());
    }

    /** Up to three companies; ids that are not companies, not listed, or beyond the third are named on the page. */
    @GetMapping("/compare")
    Mono<Rendering> compare(@RequestParam(name = "id", required = false) List<String> ids) {
        List<String> wanted = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        boolean tooMany = false;
        for (String id : ids == null ? List.<String>of() : ids) {
            String trimmed = id == null ? "" : id.strip();
            if (trimmed.isEmpty() || wanted.contains(trimmed)) {
                continue;
            }
            if (!Ids.COMPANY.isValid(trimmed)) {
                notFound.add(trimmed.length() > 60 ? trimmed.substring(0, 60) + "…" : trimmed);
            } else if (wanted.size() == MAX_COMPARED) {
                tooMany = true;
            } else {
                wanted.add(trimmed);
            }
        }
        boolean limited = tooMany;
        return Flux.fromIterable(wanted)
                .concatMap(id -> profiles.profile(id)
                        .map(java.util.Optional::of)
                        .onErrorResume(ServiceFailure.class, failure -> {
                            if (failure.serviceDown()) {
                                return Mono.error(failure);
                            }
                            notFound.add(id);
                            return Mono.just(java.util.Optional.empty());
                        }))
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                .collectList()
                .map(found -> Rendering.view("company/compare")
                        .modelAttribute("companies", found)
                        .modelAttribute("notFound", notFound)
                        .modelAttribute("tooMany", limited)
                        .status(found.isEmpty() && !notFound.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.OK)
                        .build());
    }
}
