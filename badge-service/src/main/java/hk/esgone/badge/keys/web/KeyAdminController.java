package hk.esgone.badge.keys.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.keys.SigningKeyRing;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Admin view of the signing keys, and rotation where the key folder is writable. */
@RestController
class KeyAdminController {

    record RotateRequest(String algorithm) {
    }

    record KeyView(String kid, String algorithm, boolean active) {
    }

    record KeysView(String activeKid, List<KeyView> keys) {
    }

    private final SigningKeyRing keyRing;

    KeyAdminController(SigningKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @GetMapping("/api/v1/badges/admin/keys")
    Mono<KeysView> keys() {
        return Mono.just(view());
    }

    @PostMapping("/api/v1/badges/admin/keys/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<KeysView> rotate(@RequestBody(required = false) RotateRequest request) {
        return Mono.fromCallable(() -> keyRing.rotate(request == null ? null : request.algorithm()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(key -> view());
    }

    private KeysView view() {
        SigningKeyRing.Snapshot snapshot = keyRing.current();
        String active = snapshot.active().getKeyID();
        List<KeyView> keys = snapshot.publicKeys().values().stream()
                .map(k -> new KeyView(k.getKeyID(), SigningKeyRing.algorithm(k).getName(), k.getKeyID().equals(active)))
                .sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                .toList();
        return new KeysView(active, keys);
    }
}
