package hk.esgone.directory.search.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

import org.springframework.stereotype.Component;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.taxonomy.TaxonomyService;
import hk.esgone.directory.taxonomy.TaxonomyType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Company record → index document. Deterministic for a given record and taxonomy, so its hash tells
 * the reconcile whether the index shows what the record says.
 */
@Component
public class IndexDocumentMapper {

    private static final JsonMapper CANONICAL = IndexJson.mapper().rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final TaxonomyService taxonomies;

    IndexDocumentMapper(TaxonomyService taxonomies) {
        this.taxonomies = taxonomies;
    }

    public CompanyIndexDocument toDocument(Company c) {
        CompanyIndexDocument doc = c.isPublished() ? full(c) : stub(c);
        return doc.withSourceHash(hash(doc));
    }

    private static CompanyIndexDocument stub(Company c) {
        return new CompanyIndexDocument(c.id(), c.status().name(), false, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private CompanyIndexDocument full(Company c) {
        Company.Profile p = c.profile();
        List<CompanyIndexDocument.Certification> certifications = p.certifications().stream()
                .map(x -> new CompanyIndexDocument.Certification(x.code(), x.number(), x.issuer(), x.validUntil()))
                .toList();
        List<CompanyIndexDocument.Badge> badges = c.badges().stream()
                .map(b -> new CompanyIndexDocument.Badge(b.badgeId(), b.achievementId(), b.achievementKind(), b.scorecardLevel(),
                        b.name(), b.status(), b.validFrom(), b.validUntil()))
                .toList();
        CompanyIndexDocument.Scorecard scorecard = c.scorecard() == null ? null : new CompanyIndexDocument.Scorecard(
                c.scorecard().environmental(), c.scorecard().social(), c.scorecard().governance(), c.scorecard().overall(),
                c.scorecard().level(), c.scorecard().assessedAt());
        List<CompanyIndexDocument.Solution> solutions = p.solutions().stream()
                .map(s -> new CompanyIndexDocument.Solution(s.category(), s.title(), s.description())).toList();
        List<String> solutionCategories = p.solutions().stream().map(Company.Solution::category).distinct().sorted().toList();

        Texts labels = new Texts();
        labels.add(c.kind().label());
        labels.add(taxonomies.label(TaxonomyType.INDUSTRIES, p.industry()));
        if (p.sector() != null) {
            labels.add(taxonomies.label(TaxonomyType.SECTORS, p.sector()));
        }
        p.locations().forEach(l -> {
            labels.add(taxonomies.label(TaxonomyType.LOCATIONS, l));
            PlaceNames.of(l).forEach(labels::add);
        });
        solutionCategories.forEach(s -> labels.add(taxonomies.label(TaxonomyType.SOLUTION_CATEGORIES, s)));
        if (c.scorecard() != null && c.scorecard().level() != null) {
            labels.add(taxonomies.label(TaxonomyType.SCORECARD_LEVELS, c.scorecard().level()));
        }

        Texts certificationText = new Texts();
        for (var cert : p.certifications()) {
            certificationText.add(taxonomies.label(TaxonomyType.CERTIFICATIONS, cert.code()));
            certificationText.add(cert.number());
            certificationText.add(cert.issuer());
        }
        Texts solutionText = new Texts();
        for (var s : p.solutions()) {
            solutionText.add(s.title());
            solutionText.add(s.description());
        }

        return new CompanyIndexDocument(c.id(), c.status().name(), true, c.kind().name(), p.name(), p.description(),
                p.industry(), p.sector(), p.locations(), p.sizeBand(), certifications, badges, scorecard,
                solutionCategories, solutions, labels.joined(), certificationText.joined(), solutionText.joined(),
                p.website(), p.logoUrl(), sortName(p.name()), c.lastVerifiedAt(), c.publishedAt(), c.updatedAt(), null);
    }

    /** Names sort by their English form, accents and case folded; Chinese-only names by their characters. */
    static String sortName(Bilingual name) {
        String base = name == null ? "" : Objects.requireNonNullElse(name.any(), "");
        String folded = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.length() > 200 ? folded.substring(0, 200) : folded;
    }

    static String hash(CompanyIndexDocument doc) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(doc.withSourceHash(null));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Texts {
        private final List<String> parts = new ArrayList<>();

        void add(Bilingual text) {
            if (text != null) {
                add(text.en());
                add(text.zhHant());
            }
        }

        void add(String text) {
            if (text != null && !text.isBlank()) {
                parts.add(text);
            }
        }

        String joined() {
            if (parts.isEmpty()) {
                return null;
            }
            StringJoiner joiner = new StringJoiner(" \n ");
            parts.forEach(joiner::add);
            return joiner.toString();
        }
    }

}
