package hk.esgone.directory.taxonomy;

/** Published when an admin changed a code's label: profiles using it must be indexed again. */
public record TaxonomyChanged(TaxonomyType type, String code) {
}
