package hk.esgone.directory.taxonomy;

import hk.esgone.directory.support.Bilingual;

/**
 * One code of a taxonomy. {@code group} sorts locations into HK districts and GBA cities; {@code minOverall}
 * is the scorecard level threshold (only for scorecard levels). Inactive codes stay readable on existing
 * profiles but are refused in new input.
 */
public record TaxonomyEntry(String code, Bilingual label, String group, int order, boolean active, Integer minOverall) {
}
