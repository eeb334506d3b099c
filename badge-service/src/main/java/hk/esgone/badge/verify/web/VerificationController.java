package hk.esgone.badge.verify.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.verify.BadgeVerification;
import hk.esgone.badge.verify.CredentialVerifier;
import hk.esgone.badge.verify.Jws;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Public verification. By id: the badge as ESG One holds it now. By posting a credential: checked from scratch.
 * A POST takes a compact JWT as the body ({@code application/vc+jwt}, {@code application/jwt} or
 * {@code text/plain}), or JSON: {@code {"credential": "<jwt>"}}, a JSON string, or a VC 2.0
 * {@code EnvelopedVerifiableCredential} ({@code id: "data:application/vc+jwt,<jwt>"}). A JSON credential without
 * an enveloped JWT carries no signature ESG One can check, and is answered "not valid" with that reason.
 */
@RestController
class VerificationController {

    private final BadgeVerification byId;
    private final CredentialVerifier verifier;

    VerificationController(BadgeVerification byId, CredentialVerifier verifier) {
        this.byId = byId;
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/badges/verify/{id}")
    Mono<ResponseEntity<BadgeVerification.Result>> verifyById(@PathVariable String id) {
        return byId.verify(id).map(result -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result));
    }

    @PostMapping("/api/v1/badges/verify")
    Mono<ResponseEntity<CredentialVerifier.Verdict>> verify(@RequestBody(required = false) String body,
                                                            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        if (body == null || body.isBlank()) {
            return Mono.error(ApiProblem.validation("Send the credential to verify: a compact JWT, or JSON {\"credential\": \"<jwt>\"}."));
        }
        String text = body.strip();
        boolean json = text.startsWith("{") || text.startsWith("\"") || text.startsWith("[")
                || (contentType != null && contentType.toLowerCase().contains("json") && !contentType.toLowerCase().contains("jwt"));
        Mono<CredentialVerifier.Verdict> verdict;
        if (json) {
            verdict = fromJson(text);
        } else {
            verdict = verifier.verify(text);
        }
        return verdict.map(v -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(v));
    }

    private Mono<CredentialVerifier.Verdict> fromJson(String text) {
        JsonNode node;
        try {
            node = Jws.STRICT_JSON.readTree(text);
        } catch (RuntimeException e) {
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not valid JSON (or repeats a member name)."));
        }
        if (node.isString()) {
            return verifier.verify(node.stringValue());
        }
        if (!node.isObject()) {
            return Mono.error(ApiProblem.validation("Send a JSON object {\"credential\": ...} or a JWT."));
        }
        JsonNode credential = node.has("credential") ? node.get("credential") : node.has("jwt") ? node.get("jwt") : node;
        if (credential.isString()) {
            return verifier.verify(credential.stringValue());
        }
        if (!credential.isObject()) {
            return Mono.error(ApiProblem.validation("'credential' must be a JWT string or a credential object."));
        }
        String id = credential.path("id").stringValue("");
        boolean enveloped = credential.path("type").isString()
                ? credential.path("type").stringValue().equals("EnvelopedVerifiableCredential")
                : credential.path("type").toString().contains("\"EnvelopedVerifiableCredential\"");
        if (enveloped || id.startsWith("data:application/vc+jwt,") || id.startsWith("data:application/jwt,")) {
            int comma = id.indexOf(',');
            if (comma < 0) {
                return Mono.just(verifier.notVerifiable("FORMAT", "The enveloped credential has no data: URL with a JWT."));
            }
            return verifier.verify(id.substring(comma + 1));
        }
        if (credential.has("proof")) {
            return Mono.just(verifier.notVerifiable("SIGNATURE", "The credential is secured with an embedded proof, which ESG One "
                    + "does not use; ESG One credentials are VC-JWTs. Post the JWT instead."));
        }
        return Mono.just(verifier.notVerifiable("SIGNATURE", "The credential carries no signature (it is plain JSON), so nothing "
                + "shows that ESG One issued it or that it is unaltered. Post the signed JWT (vc+jwt) instead."));
    }
}
