package hk.esgone.offers.support;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.security.Caller;

/** The company a signed-in caller acts for. */
public final class Companies {

    private Companies() {
    }

    /** The caller's single company, or 403 {@code company-required} when it has none or several. */
    public static String of(Caller caller) {
        String companyId = caller.companyId();
        if (companyId == null || !Ids.isCompanyId(companyId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "company-required", "Company required",
                    "This operation acts for a company, and your account is not a member of exactly one company.");
        }
        return companyId;
    }
}
