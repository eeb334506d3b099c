package hk.esgone.directory.taxonomy.store;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import hk.esgone.directory.support.Bilingual;
import hk.esgone.directory.taxonomy.TaxonomyEntry;
import hk.esgone.directory.taxonomy.TaxonomyType;

/** A taxonomy code as stored; {@code id} is {@code <type path>:<code>}. */
@Document("taxonomy")
public record TaxonomyEntryDocument(@Id String id, TaxonomyType type, String code, Bilingual label, String group, int order,
                                    boolean active, Integer minOverall, boolean seeded, Instant updatedAt) {

    public static String idOf(TaxonomyType type, String code) {
        return type.path() + ":" + code;
    }

    public TaxonomyEntry toEntry() {
        return new TaxonomyEntry(code, label, group, order, active, minOverall);
    }
}
