package hk.esgone.directory.company;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import hk.esgone.directory.support.Bilingual;

/**
 * A company of the directory, the system of record: {@code store.CompanyRepository} keeps it in MongoDB
 * as it is (collection {@code companies}). Never returned by the API as is.
 *
 * <p>{@code version} goes up by one on every write (a conditional replace on the previous version), and
 * the same write sets {@code indexPending}: that pair is the per-document change log the search indexer
 * follows (see {@code search.store.CompanyIndexer}). Single-document atomicity is all it relies on.
 */
public record Company(
        String id,
        CompanyKind kind,
        CompanyStatus status,
        Registration registration,
        Profile profile,
        Scorecard scorecard,
        List<BadgeHolding> badges,
        Applicant applicant,
        Review review,
        Suspension suspension,
        Provisioning provisioning,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant lastVerifiedAt,
        long version,
        boolean indexPending,
        long indexedVersion) {

    public Company {
        badges = badges == null ? List.of() : List.copyOf(badges);
    }

    /** BR number or USCC; {@code key} carries the unique index and is dropped when an application is rejected. */
    public record Registration(String brNumber, String uscc, String key) {
    }

    /** Everything a company's members may edit. */
    public record Profile(
            Bilingual name,
            Bilingual description,
            String industry,
            String sector,
            List<String> locations,
            List<Certification> certifications,
            List<Solution> solutions,
            String website,
            Contact contact,
            String logoUrl,
            String sizeBand) {

        public Profile {
            locations = locations == null ? List.of() : List.copyOf(locations);
            certifications = certifications == null ? List.of() : List.copyOf(certifications);
            solutions = solutions == null ? List.of() : List.copyOf(solutions);
        }
    }

    public record Certification(String code, String number, String issuer, LocalDate validUntil) {

        public boolean isValidOn(LocalDate day) {
            return validUntil != null && !validUntil.isBefore(day);
        }
    }

    public record Solution(String category, Bilingual title, Bilingual description) {
    }

    public record Contact(String name, String email, String phone) {
    }

    /**
     * Pillar scores and overall score 0–100 in whole points, the level they earn, and when they were assessed.
     * {@code origin} is set when the scorecard comes from a submitted assessment (assessment-service owns it; the
     * directory shows it read-only) and null when it was entered in the directory (admin, demo data).
     */
    public record Scorecard(Integer environmental, Integer social, Integer governance, Integer overall, String level,
                            Instant assessedAt, Origin origin) {

        /** A scorecard entered in the directory itself. */
        public Scorecard(Integer environmental, Integer social, Integer governance, Integer overall, String level,
                         Instant assessedAt) {
            this(environmental, social, governance, overall, level, assessedAt, null);
        }

        public boolean fromAssessment() {
            return origin != null;
        }
    }

    /**
     * Where an assessment-owned scorecard came from: the assessment, its year and questionnaire version, the exact
     * scores (decimals, as assessment-service computed them), the feed event and when the directory received it, and
     * the scorecard's revision (assessment-service re-scores a submitted assessment when an admin accepts evidence;
     * null, as stored before revisions existed: 1).
     */
    public record Origin(String assessmentId, int year, String questionnaireKey, int questionnaireVersion,
                         java.math.BigDecimal environmental, java.math.BigDecimal social, java.math.BigDecimal governance,
                         java.math.BigDecimal overall, String eventId, Instant receivedAt, Integer scoreRevision) {

        public int revision() {
            return scoreRevision == null ? 1 : scoreRevision;
        }
    }

    /** A badge of the company as badge-service's event feed last described it. */
    public record BadgeHolding(String badgeId, String achievementId, String achievementKind, String scorecardLevel,
                               Bilingual name, String status, Instant validFrom, Instant validUntil) {

        public boolean isValidAt(Instant now) {
            return "VALID".equals(status) && (validUntil == null || validUntil.isAfter(now))
                    && (validFrom == null || !validFrom.isAfter(now));
        }
    }

    public record Applicant(String subject, String username, String email) {
    }

    public record Review(String decision, String reason, String by, Instant at) {
    }

    public record Suspension(String reason, String by, Instant at) {
    }

    /** Where the company's Keycloak organization is; recorded so that approving again creates nothing twice. */
    public record Provisioning(ProvisioningState state, String organizationId, String memberRole, int attempts,
                               String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant completedAt) {
    }

    public enum ProvisioningState {
        /** approved, organization not (fully) provisioned yet */
        PENDING,
        /** last attempt failed; retried at nextAttemptAt */
        FAILED,
        DONE,
        /** the organization was created outside this service (the realm import of the demo companies) */
        PREEXISTING
    }

    public boolean isPublished() {
        return status == CompanyStatus.PUBLISHED;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change for this wide record; only the repository bumps {@code version}. */
    public static final class Builder {
        private String id;
        private CompanyKind kind;
        private CompanyStatus status;
        private Registration registration;
        private Profile profile;
        private Scorecard scorecard;
        private List<BadgeHolding> badges;
        private Applicant applicant;
        private Review review;
        private Suspension suspension;
        private Provisioning provisioning;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant publishedAt;
        private Instant lastVerifiedAt;
        private long version;
        private boolean indexPending;
        private long indexedVersion;

        public Builder() {
        }

        Builder(Company d) {
            id = d.id;
            kind = d.kind;
            status = d.status;
            registration = d.registration;
            profile = d.profile;
            scorecard = d.scorecard;
            badges = d.badges;
            applicant = d.applicant;
            review = d.review;
            suspension = d.suspension;
            provisioning = d.provisioning;
            createdAt = d.createdAt;
            updatedAt = d.updatedAt;
            publishedAt = d.publishedAt;
            lastVerifiedAt = d.lastVerifiedAt;
            version = d.version;
            indexPending = d.indexPending;
            indexedVersion = d.indexedVersion;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder kind(CompanyKind v) { kind = v; return this; }
        public Builder status(CompanyStatus v) { status = v; return this; }
        public Builder registration(Registration v) { registration = v; return this; }
        public Builder profile(Profile v) { profile = v; return this; }
        public Builder scorecard(Scorecard v) { scorecard = v; return this; }
        public Builder badges(List<BadgeHolding> v) { badges = v; return this; }
        public Builder applicant(Applicant v) { applicant = v; return this; }
        public Builder review(Review v) { review = v; return this; }
        public Builder suspension(Suspension v) { suspension = v; return this; }
        public Builder provisioning(Provisioning v) { provisioning = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder publishedAt(Instant v) { publishedAt = v; return this; }
        public Builder lastVerifiedAt(Instant v) { lastVerifiedAt = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder indexPending(boolean v) { indexPending = v; return this; }
        public Builder indexedVersion(long v) { indexedVersion = v; return this; }

        /** Moves lastVerifiedAt forward only. */
        public Builder verifiedAt(Instant when) {
            if (when != null && (lastVerifiedAt == null || when.isAfter(lastVerifiedAt))) {
                lastVerifiedAt = when;
            }
            return this;
        }

        public Company build() {
            return new Company(id, kind, status, registration, profile, scorecard, badges, applicant, review,
                    suspension, provisioning, createdAt, updatedAt, publishedAt, lastVerifiedAt, version, indexPending,
                    indexedVersion);
        }
    }
}
