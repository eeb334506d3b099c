package hk.esgone.directory.company;

import hk.esgone.platform.security.Caller;

/** Who may see and change a company. Everyone sees published companies; nobody else sees the rest. */
public final class CompanyAccess {

    private CompanyAccess() {
    }

    public static boolean canSeePrivate(Caller caller, Company company) {
        return caller != null && (caller.isAdmin() || caller.isMemberOf(company.id()) || isApplicant(caller, company));
    }

    public static boolean canSee(Caller caller, Company company) {
        return company.status() == CompanyStatus.PUBLISHED || canSeePrivate(caller, company);
    }

    /** Members and admins edit; the applicant may still correct an application that waits for review. */
    public static boolean canEdit(Caller caller, Company company) {
        if (caller == null) {
            return false;
        }
        return caller.isAdmin() || caller.isMemberOf(company.id())
                || (company.status() == CompanyStatus.SUBMITTED && isApplicant(caller, company));
    }

    private static boolean isApplicant(Caller caller, Company company) {
        return company.applicant() != null && caller.subject() != null && caller.subject().equals(company.applicant().subject());
    }
}
