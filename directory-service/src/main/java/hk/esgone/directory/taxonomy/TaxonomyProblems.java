package hk.esgone.directory.taxonomy;

import org.springframework.http.HttpStatus;

import hk.esgone.platform.problem.ApiProblem;

public final class TaxonomyProblems {

    private TaxonomyProblems() {
    }

    public static ApiProblem notExtendable(TaxonomyType type) {
        return new ApiProblem(HttpStatus.CONFLICT, "taxonomy-not-extendable", "Taxonomy not extendable",
                "The codes of '" + type.path() + "' are fixed; only their labels can be changed.");
    }

    public static ApiProblem unknownTaxonomy(String path) {
        return ApiProblem.notFound("Taxonomy", path);
    }
}
