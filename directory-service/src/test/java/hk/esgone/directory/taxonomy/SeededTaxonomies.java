package hk.esgone.directory.taxonomy;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import hk.esgone.directory.taxonomy.store.TaxonomyEntryDocument;
import hk.esgone.directory.taxonomy.store.TaxonomyStore;
import reactor.core.publisher.Flux;

/** The taxonomies a new directory starts with, served from memory: for tests that need no MongoDB. */
public final class SeededTaxonomies {

    private SeededTaxonomies() {
    }

    public static TaxonomyService service() {
        TaxonomyStore store = mock(TaxonomyStore.class);
        when(store.findAll()).thenAnswer(call -> Flux.fromIterable(documents()));
        TaxonomyService service = new TaxonomyService(store, event -> { }, Clock.systemUTC());
        service.refresh().block();
        return service;
    }

    private static List<TaxonomyEntryDocument> documents() {
        List<TaxonomyEntryDocument> documents = new ArrayList<>();
        TaxonomySeed.all().forEach((type, entries) -> entries.forEach(e -> documents.add(new TaxonomyEntryDocument(
                TaxonomyEntryDocument.idOf(type, e.code()), type, e.code(), e.label(), e.group(), e.order(), e.active(),
                e.minOverall(), true, Instant.EPOCH))));
        return documents;
    }
}
