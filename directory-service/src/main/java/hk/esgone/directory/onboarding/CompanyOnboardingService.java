package hk.esgone.directory.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.Company.Provisioning;
import hk.esgone.directory.company.Company.ProvisioningState;
import hk.esgone.directory.company.Company.Review;
import hk.esgone.directory.company.Company.Suspension;
import hk.esgone.directory.company.CompanyProblems;
import hk.esgone.directory.company.CompanyStatus;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Admin decisions on companies. Approval is a small state machine recorded on the company, so that a
 * Keycloak outage, a crash or a second click never creates anything twice:
 * <ol>
 * <li>SUBMITTED → PROVISIONING (review recorded, provisioning PENDING) — one conditional write;</li>
 * <li>provision in Keycloak (idempotent, see {@link KeycloakOrganizationProvisioner});</li>
 * <li>PROVISIONING → PUBLISHED with the organization id; on failure the attempt is recorded (FAILED,
 *     next attempt time) and {@link #retryDueProvisioning()} or another approve call continues.</li>
 * </ol>
 */
@Service
public class CompanyOnboardingService {

    private static final Logger log = LoggerFactory.getLogger(CompanyOnboardingService.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final CompanyRepository companies;
    private final OrganizationProvisioner provisioner;
    private final Clock clock;
    private final Duration retryInterval;

    CompanyOnboardingService(CompanyRepository companies, OrganizationProvisioner provisioner, Clock clock,
                             KeycloakAdminProperties properties) {
        this.companies = companies;
        this.provisioner = provisioner;
        this.clock = clock;
        this.retryInterval = properties.retryInterval();
    }

    /** Approves (or continues approving) a company; answers the company as it is afterwards. */
    public Mono<Company> approve(String id, Caller admin) {
        return existing(id)
                .flatMap(found -> companies.update(id, current -> switch (current.status()) {
                    case SUBMITTED -> current.toBuilder()
                            .status(CompanyStatus.PROVISIONING)
                            .review(new Review("APPROVED", null, admin.username() != null ? admin.username() : admin.subject(), clock.instant()))
                            .provisioning(new Provisioning(ProvisioningState.PENDING, null, current.kind().memberRole(), 0, null, null, null, null))
                            .build();
                    case PROVISIONING, PUBLISHED, SUSPENDED -> current; // already approved: continue or no-op
                    case REJECTED -> throw CompanyProblems.invalidState(id, current.status(), "approved");
                }))
                .flatMap(company -> company.status() == CompanyStatus.PROVISIONING ? provision(company) : Mono.just(company));
    }

    public Mono<Company> reject(String id, Caller admin, String reason) {
        return existing(id).flatMap(found -> companies.update(id, current -> {
            if (current.status() == CompanyStatus.REJECTED) {
                return current;
            }
            if (current.status() != CompanyStatus.SUBMITTED) {
                throw CompanyProblems.invalidState(id, current.status(), "rejected");
            }
            var registration = current.registration();
            return current.toBuilder()
                    .status(CompanyStatus.REJECTED)
                    .review(new Review("REJECTED", reason, admin.username() != null ? admin.username() : admin.subject(), clock.instant()))
                    // frees the BR number / USCC for a corrected application
                    .registration(new Company.Registration(registration.brNumber(), registration.uscc(), null))
                    .build();
        }));
    }

    public Mono<Company> suspend(String id, Caller admin, String reason) {
        return existing(id).flatMap(found -> companies.update(id, current -> {
            if (current.status() == CompanyStatus.SUSPENDED) {
                return current;
            }
            if (current.status() != CompanyStatus.PUBLISHED) {
                throw CompanyProblems.invalidState(id, current.status(), "suspended");
            }
            return current.toBuilder()
                    .status(CompanyStatus.SUSPENDED)
                    .suspension(new Suspension(reason, admin.username() != null ? admin.username() : admin.subject(), clock.instant()))
                    .build();
        }));
    }

    public Mono<Company> reinstate(String id, Caller admin) {
        return existing(id).flatMap(found -> companies.update(id, current -> {
            if (current.status() == CompanyStatus.PUBLISHED) {
                return current;
            }
            if (current.status() != CompanyStatus.SUSPENDED) {
                throw CompanyProblems.invalidState(id, current.status(), "reinstated");
            }
            return current.toBuilder().status(CompanyStatus.PUBLISHED).suspension(null).build();
        }));
    }

    /** Background: continues approvals whose provisioning failed before (Keycloak down, timeouts). */
    public Mono<Long> retryDueProvisioning() {
        return companies.findProvisioningDue(clock.instant(), 20)
                .concatMap(company -> provision(company).onErrorResume(e -> Mono.empty()))
                .count();
    }

    private Mono<Company> provision(Company company) {
        Provisioning before = company.provisioning();
        var request = new OrganizationProvisioner.OrganizationRequest(company.id(), company.profile().name().any(),
                company.profile().name().zhHant(), company.applicant().subject(), company.kind().memberRole());
        return provisioner.provision(request)
                .flatMap(organizationId -> companies.update(company.id(), current -> {
                    if (current.status() != CompanyStatus.PROVISIONING) {
                        return current;
                    }
                    Instant now = clock.instant();
                    int attempts = current.provisioning() == null ? 1 : current.provisioning().attempts() + 1;
                    return current.toBuilder()
                            .status(CompanyStatus.PUBLISHED)
                            .provisioning(new Provisioning(ProvisioningState.DONE, organizationId, request.memberRole(),
                                    attempts, null, now, null, now))
                            .publishedAt(now)
                            .verifiedAt(now)
                            .build();
                }))
                .onErrorResume(e -> !(e instanceof hk.esgone.platform.problem.ApiProblem), e -> recordFailure(company.id(), e)
                        .doOnSuccess(c -> log.warn("Provisioning {} in Keycloak failed (attempt {}): {}", company.id(),
                                c.provisioning() == null ? "?" : c.provisioning().attempts(), e.toString())));
    }

    private Mono<Company> recordFailure(String id, Throwable error) {
        return companies.update(id, current -> {
            if (current.status() != CompanyStatus.PROVISIONING) {
                return current;
            }
            Instant now = clock.instant();
            Provisioning p = current.provisioning();
            int attempts = (p == null ? 0 : p.attempts()) + 1;
            boolean permanent = error instanceof OrganizationProvisioner.PermanentProvisioningException;
            Duration backoff = retryInterval.multipliedBy(1L << Math.min(attempts - 1, 6));
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            return current.toBuilder()
                    .provisioning(new Provisioning(ProvisioningState.FAILED, p == null ? null : p.organizationId(),
                            p == null ? current.kind().memberRole() : p.memberRole(), attempts, describe(error), now,
                            permanent ? now.plus(Duration.ofDays(3650)) : now.plus(backoff), null))
                    .build();
        });
    }

    private static String describe(Throwable error) {
        String text = error instanceof java.util.concurrent.TimeoutException ? "Keycloak did not answer in time"
                : error instanceof OrganizationProvisioner.PermanentProvisioningException ? error.getMessage()
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private Mono<Company> existing(String id) {
        return companies.findById(id).switchIfEmpty(Mono.error(CompanyProblems.notFound(id)));
    }

}
