package hk.esgone.directory.company;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

/** The stable problem kinds of company operations. */
public final class CompanyProblems {

    private CompanyProblems() {
    }

    public static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Company", id);
    }

    public static ApiProblem notMember(String id) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Only members of company '" + id + "' and admins may change it.");
    }

    public static ApiProblem duplicateRegistration() {
        return ApiProblem.conflict("duplicate-registration",
                "A company with this BR number or Unified Social Credit Code is already in the directory or applying.");
    }

    public static ApiProblem applicationPending(String id) {
        return new ApiProblem(HttpStatus.CONFLICT, "application-pending", "Conflict",
                "You already have an application waiting for review: " + id + ".", java.util.Map.of("companyId", id));
    }

    public static ApiProblem invalidState(String id, Object status, String action) {
        return new ApiProblem(HttpStatus.CONFLICT, "invalid-state", "Conflict",
                "Company '" + id + "' is " + status + "; it cannot be " + action + ".", java.util.Map.of("companyStatus", String.valueOf(status)));
    }

    /** The company's scorecard comes from its submitted assessment: assessment-service owns it. */
    public static ApiProblem scorecardFromAssessment(String id, Company.Origin origin) {
        return new ApiProblem(HttpStatus.CONFLICT, "scorecard-owned-by-assessment", "Conflict",
                "The scorecard of company '" + id + "' comes from its submitted assessment " + origin.assessmentId() + " ("
                        + origin.year() + ") in assessment-service, which owns it; the directory shows it read-only.",
                java.util.Map.of("owner", "assessment-service", "assessmentId", origin.assessmentId(), "year", origin.year()));
    }

    public static ApiProblem preconditionFailed(String id, long current) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                "Company '" + id + "' was changed by someone else (it is now at version " + current + "). Reload it and retry.",
                java.util.Map.of("currentVersion", current));
    }
}
