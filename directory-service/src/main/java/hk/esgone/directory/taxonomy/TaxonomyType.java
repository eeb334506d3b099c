package hk.esgone.directory.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/** The code lists companies are described with. Each is data (codes + bilingual labels) in MongoDB. */
public enum TaxonomyType {
    INDUSTRIES("industries", true),
    SECTORS("sectors", true),
    LOCATIONS("locations", true),
    CERTIFICATIONS("certifications", true),
    SOLUTION_CATEGORIES("solutionCategories", true),
    /** ordered BRONZE < SILVER < GOLD < PLATINUM (docs/contracts.md); labels can change, codes cannot */
    SCORECARD_LEVELS("scorecardLevels", false),
    SIZE_BANDS("sizeBands", false);

    private final String path;
    private final boolean extendable;

    TaxonomyType(String path, boolean extendable) {
        this.path = path;
        this.extendable = extendable;
    }

    /** The name in URLs and JSON, e.g. {@code solutionCategories}. */
    public String path() {
        return path;
    }

    /** Whether admins may add codes (all types accept label changes). */
    public boolean extendable() {
        return extendable;
    }

    public static Optional<TaxonomyType> fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }
}
