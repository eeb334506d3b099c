package hk.esgone.platform.security;

import java.util.Optional;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * The caller of the current request, as controllers need it. Security rules already decided who may reach
 * an endpoint; these helpers add the checks that depend on the token's content (the company a user acts for,
 * membership of a company named in the path), each answered with a problem when it fails.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller and the one company it acts for. */
    public record Acting(Caller caller, String companyId) {
    }

    /** The signed-in caller, or 401 when the request carries no valid token. */
    public static Mono<Caller> required() {
        return EsgSecurity.currentCaller().switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "unauthorized", "Unauthorized", "A valid bearer token is required.")));
    }

    /** The caller, if the request carries a valid token (public endpoints that show more to members). */
    public static Mono<Optional<Caller>> optional() {
        return EsgSecurity.currentCaller().map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The caller and its single company, or 403 {@code company-required} when it has none or several. */
    public static Mono<Acting> company() {
        return required().map(caller -> new Acting(caller, companyOf(caller)));
    }

    /** The caller's single company, or 403 {@code company-required}. */
    public static String companyOf(Caller caller) {
        String companyId = caller.companyId();
        if (!Ids.COMPANY.isValid(companyId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "company-required", "Company required",
                    "This operation acts for a company, and your account is not a member of exactly one company.");
        }
        return companyId;
    }

    /** The caller when it is a platform admin, else 403 with {@code detail}. */
    public static Mono<Caller> admin(String detail) {
        return required().filter(Caller::isAdmin).switchIfEmpty(Mono.error(() -> ApiProblem.forbidden(detail)));
    }

    /** The caller when it is a member of {@code companyId} (or an admin, when {@code adminsToo}), else 403 with {@code detail}. */
    public static Mono<Caller> memberOf(String companyId, boolean adminsToo, String detail) {
        return required().filter(caller -> caller.isMemberOf(companyId) || (adminsToo && caller.isAdmin()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden(detail)));
    }
}
