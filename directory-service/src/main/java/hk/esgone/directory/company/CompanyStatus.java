package hk.esgone.directory.company;

/**
 * Lifecycle of a company in the directory.
 *
 * <pre>
 *  SUBMITTED --approve--> PROVISIONING --(Keycloak done)--> PUBLISHED <--reinstate-- SUSPENDED
 *      |                                                        |------suspend------->^
 *      +--reject--> REJECTED
 * </pre>
 * Only {@link #PUBLISHED} companies are visible to anyone but their members and admins.
 */
public enum CompanyStatus {
    SUBMITTED, PROVISIONING, PUBLISHED, SUSPENDED, REJECTED
}
