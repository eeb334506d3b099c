package hk.esgone.offers.support;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;
import hk.esgone.platform.security.EsgSecurity;
import reactor.core.publisher.Mono;

/** The signed-in caller, for endpoints where security already required a token. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Mono<Caller> required() {
        return EsgSecurity.currentCaller().switchIfEmpty(Mono.error(() -> new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", "A valid bearer token is required.")));
    }

    /** The caller and the one company it acts for. */
    public record Acting(Caller caller, String companyId) {
    }

    public static Mono<Acting> company() {
        return required().map(c -> new Acting(c, Companies.of(c)));
    }
}
