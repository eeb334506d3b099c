package hk.esgone.directory.company;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import hk.esgone.directory.company.Company.Applicant;
import hk.esgone.directory.company.Company.Profile;
import hk.esgone.directory.company.Company.Registration;
import hk.esgone.directory.company.Company.Scorecard;
import hk.esgone.directory.company.store.CompanyRepository;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Applications, profiles and scorecards. Approval and the rest of the lifecycle: {@code onboarding}. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final Clock clock;

    CompanyService(CompanyRepository companies, Clock clock) {
        this.companies = companies;
        this.clock = clock;
    }

    public Mono<Company> submitApplication(Caller applicant, CompanyKind kind, Registration registration, Profile profile) {
        return companies.findByApplicant(applicant.subject())
                .filter(c -> c.status() == CompanyStatus.SUBMITTED)
                .next()
                .flatMap(pending -> Mono.<Company>error(CompanyProblems.applicationPending(pending.id())))
                .switchIfEmpty(Mono.defer(() -> {
                    Instant now = clock.instant();
                    Company company = new Company.Builder()
                            .id(Ids.COMPANY.newId())
                            .kind(kind)
                            .status(CompanyStatus.SUBMITTED)
                            .registration(registration)
                            .profile(profile)
                            .applicant(new Applicant(applicant.subject(), applicant.username(), applicant.email()))
                            .createdAt(now)
                            .updatedAt(now)
                            .build();
                    return companies.insert(company);
                }))
                .onErrorMap(DuplicateKeyException.class, e -> CompanyProblems.duplicateRegistration());
    }

    /** The company if the caller may see it; otherwise not found (an unpublished company does not exist for others). */
    public Mono<Company> findVisible(String id, Caller caller) {
        if (!Ids.COMPANY.isValid(id)) {
            return Mono.error(CompanyProblems.notFound(id));
        }
        return companies.findById(id)
                .filter(c -> CompanyAccess.canSee(caller, c))
                .switchIfEmpty(Mono.error(CompanyProblems.notFound(id)));
    }

    /**
     * Replaces the profile. {@code expectedVersion} (from If-Match) makes it a conditional write; without
     * it the last writer wins. Writing the same profile again changes nothing.
     */
    public Mono<Company> updateProfile(String id, Caller caller, Profile profile, Long expectedVersion) {
        return findVisible(id, caller)
                .flatMap(found -> companies.update(id, current -> {
                    if (!CompanyAccess.canEdit(caller, current)) {
                        throw CompanyProblems.notMember(id);
                    }
                    if (current.status() == CompanyStatus.REJECTED) {
                        throw CompanyProblems.invalidState(id, current.status(), "edited");
                    }
                    if (expectedVersion != null && expectedVersion != current.version()) {
                        throw CompanyProblems.preconditionFailed(id, current.version());
                    }
                    if (profile.equals(current.profile())) {
                        return current;
                    }
                    return current.toBuilder().profile(profile).build();
                }));
    }

    /**
     * Admin: records a scorecard entered in the directory (a company without a submitted assessment). Refused with 409
     * when the company's scorecard comes from its assessment: assessment-service owns that one. The check is made on
     * the version written, so a scorecard arriving from the feed meanwhile is never overwritten.
     */
    public Mono<Company> setScorecard(String id, Scorecard scorecard) {
        return companies.findById(id)
                .switchIfEmpty(Mono.error(CompanyProblems.notFound(id)))
                .flatMap(found -> companies.update(id, current -> {
                    if (current.scorecard() != null && current.scorecard().fromAssessment()) {
                        throw CompanyProblems.scorecardFromAssessment(id, current.scorecard().origin());
                    }
                    return current.toBuilder()
                            .scorecard(scorecard)
                            .verifiedAt(scorecard.assessedAt())
                            .build();
                }));
    }

    public Flux<Company> applicationsOf(Caller caller) {
        return companies.findByApplicant(caller.subject());
    }

    public Flux<Company> byStatus(CompanyStatus status, int limit) {
        return companies.findByStatus(status, limit);
    }
}
