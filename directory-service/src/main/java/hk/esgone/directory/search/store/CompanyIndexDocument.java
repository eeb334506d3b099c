package hk.esgone.directory.search.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import hk.esgone.directory.support.Bilingual;

/**
 * A company as the search index holds it. Published companies carry everything search, facets and
 * result lists need; any other company is indexed as a stub ({@code visible=false}, no content), which
 * keeps its version in the index (so an old write can never resurrect it) without holding its data.
 */
public record CompanyIndexDocument(
        String id,
        String status,
        boolean visible,
        String kind,
        Bilingual name,
        Bilingual description,
        String industry,
        String sector,
        List<String> locations,
        String sizeBand,
        List<Certification> certifications,
        List<Badge> badges,
        Scorecard scorecard,
        List<String> solutionCategories,
        List<Solution> solutions,
        String labels,
        String certificationText,
        String solutionText,
        String website,
        String logoUrl,
        String sortName,
        Instant lastVerifiedAt,
        Instant publishedAt,
        Instant updatedAt,
        String sourceHash) {

    public record Certification(String code, String number, String issuer, LocalDate validUntil) {
    }

    public record Badge(String badgeId, String achievementId, String achievementKind, String scorecardLevel, Bilingual name,
                        String status, Instant validFrom, Instant validUntil) {
    }

    public record Scorecard(Integer environmental, Integer social, Integer governance, Integer overall, String level,
                            Instant assessedAt) {
    }

    public record Solution(String category, Bilingual title, Bilingual description) {
    }

    CompanyIndexDocument withSourceHash(String hash) {
        return new CompanyIndexDocument(id, status, visible, kind, name, description, industry, sector, locations, sizeBand,
                certifications, badges, scorecard, solutionCategories, solutions, labels, certificationText, solutionText,
                website, logoUrl, sortName, lastVerifiedAt, publishedAt, updatedAt, hash);
    }
}
