package hk.esgone.directory.me.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.platform.security.Callers;
import reactor.core.publisher.Mono;

/** Who the signed-in user is and which companies they act for, as the API sees them. */
@RestController
class MeController {

    record MeResponse(String subject, String username, List<String> roles, List<String> companyIds) {
    }

    @GetMapping("/api/v1/directory/me")
    Mono<MeResponse> me() {
        return Callers.required()
                .map(c -> new MeResponse(c.subject(), c.username(), c.roles().stream().sorted().toList(),
                        c.companyIds().stream().sorted().toList()));
    }
}
