package hk.esgone.badge.issuing.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/** Public reads: what a company holds now (by directory id or BR number), and a badge's signed credential. */
@RestController
class PublicBadgeController {

    record Holdings(String companyId, List<HeldBadge> badges) {
    }

    record BrHoldings(String brNumber, String companyId, List<HeldBadge> badges) {
    }

    private static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private final BadgeService badges;
    private final Clock clock;

    PublicBadgeController(BadgeService badges, Clock clock) {
        this.badges = badges;
        this.clock = clock;
    }

    @GetMapping("/api/v1/badges/holders/{companyId}")
    Mono<ResponseEntity<Holdings>> holders(@PathVariable String companyId) {
        if (!Ids.COMPANY.isValid(companyId)) {
            return Mono.error(ApiProblem.validation("companyId must be a directory company id (cmp- followed by lowercase letters, digits or hyphens)."));
        }
        return badges.heldBy(companyId).map(b -> HeldBadge.of(b, clock.instant())).collectList()
                .map(list -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                        .body(new Holdings(companyId, list)));
    }

    @GetMapping("/api/v1/badges/holders")
    Mono<ResponseEntity<BrHoldings>> holdersByBrNumber(@RequestParam(required = false) String brNumber) {
        if (brNumber == null || !Ids.BR_NUMBER.matcher(brNumber).matches()) {
            return Mono.error(ApiProblem.validation("brNumber must be a Hong Kong Business Registration number (8 digits)."));
        }
        return badges.heldByBrNumber(brNumber).collectList()
                .map(list -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                        .body(new BrHoldings(brNumber, list.isEmpty() ? null : list.getFirst().holder().companyId(),
                                list.stream().map(b -> HeldBadge.of(b, clock.instant())).toList())));
    }

    /** The current signed credential (VC-JWT) of a badge, for holders to download and verifiers to check offline. */
    @GetMapping("/api/v1/badges/credentials/{id}")
    Mono<ResponseEntity<String>> credential(@PathVariable String id) {
        return badges.find(id).map(b -> ResponseEntity.ok()
                .contentType(VC_JWT)
                .header("Content-Disposition", "inline; filename=\"" + b.id() + ".jwt\"")
                .cacheControl(CacheControl.noCache())
                .eTag("\"" + b.id() + "-v" + b.credentialVersion() + "\"")
                .body(b.jwt()));
    }
}
