package hk.esgone.badge.status.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.badge.status.StatusListService;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Public, signed Bitstring Status List credentials. {@code Cache-Control: max-age} (at most 60 s) and an ETag let
 * verifiers cache them and still see a revocation or suspension within a minute; a conditional GET costs a 304.
 */
@RestController
class StatusListController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private final StatusListService statusLists;
    private final BadgeProperties properties;

    StatusListController(StatusListService statusLists, BadgeProperties properties) {
        this.statusLists = statusLists;
        this.properties = properties;
    }

    @GetMapping("/api/v1/badges/status-lists/{purpose}/{list}")
    Mono<ResponseEntity<String>> statusList(@PathVariable String purpose, @PathVariable String list) {
        if (!purpose.equals(CredentialFormat.PURPOSE_REVOCATION) && !purpose.equals(CredentialFormat.PURPOSE_SUSPENSION)) {
            return Mono.error(ApiProblem.notFound("Status list", "(purpose must be revocation or suspension)"));
        }
        if (!list.matches("^(0|[1-9][0-9]{0,6})$")) {
            return Mono.error(ApiProblem.notFound("Status list", "(list number must be a non-negative integer)"));
        }
        int number = Integer.parseInt(list);
        return statusLists.exists(number)
                .flatMap(exists -> exists ? statusLists.signedList(purpose, number)
                        : Mono.error(ApiProblem.notFound("Status list", purpose + "/" + number)))
                .map(signed -> ResponseEntity.ok()
                        .contentType(VC_JWT)
                        .cacheControl(CacheControl.maxAge(properties.statusList().maxAge()).cachePublic().mustRevalidate())
                        .eTag(signed.etag())
                        .body(signed.jwt()));
    }
}
