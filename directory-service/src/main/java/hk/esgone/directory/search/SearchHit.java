package hk.esgone.directory.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.support.Bilingual;

/**
 * A company as a search found it: what the index holds for result lists, and the highlights (HTML with the
 * matched words in {@code <em>}, everything else escaped), keyed by the field the client shows.
 * Suggestions carry only id, kind, name and highlights.
 */
public record SearchHit(String id, String kind, Bilingual name, Bilingual description, String industry, String sector,
                        List<String> locations, String sizeBand, List<Company.Certification> certifications,
                        List<Company.BadgeHolding> badges, Company.Scorecard scorecard, List<String> solutionCategories,
                        String website, String logoUrl, Instant lastVerifiedAt, Map<String, List<String>> highlights) {
}
