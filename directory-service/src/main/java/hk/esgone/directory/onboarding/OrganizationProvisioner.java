package hk.esgone.directory.onboarding;

import reactor.core.publisher.Mono;

/**
 * Makes a company exist in the identity provider: an organization whose alias is the company id, with
 * the applicant as a member holding {@code memberRole}. Must be idempotent: calling it again for the
 * same company, after any partial failure, creates nothing twice.
 */
public interface OrganizationProvisioner {

    /** @return the identity provider's id of the organization */
    Mono<String> provision(OrganizationRequest request);

    record OrganizationRequest(String companyId, String displayName, String description, String applicantUserId,
                               String memberRole) {
    }

    /** A failure that retrying cannot fix (e.g. the applicant's account no longer exists). */
    class PermanentProvisioningException extends RuntimeException {
        public PermanentProvisioningException(String message) {
            super(message);
        }
    }
}
