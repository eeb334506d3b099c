package hk.esgone.directory.search.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The index documents as JSON: an unpublished company is a stub without content; newer fields are ignored. */
class IndexJsonTests {

    final JsonMapper json = IndexJson.mapper();

    @Test
    void aStubCarriesItsIdAndStatusOnly() {
        CompanyIndexDocument stub = new CompanyIndexDocument("cmp-hidden-one", "SUSPENDED", false, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "abc123");
        JsonNode written = json.readTree(json.writeValueAsString(stub));
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("id", "status", "visible", "sourceHash");
        assertThat(written.path("visible").asBoolean()).isFalse();
    }

    @Test
    void documentsWithFieldsThisVersionDoesNotKnowAreRead() {
        CompanyIndexDocument read = json.readValue("""
                {"id":"cmp-demo-supplier","status":"PUBLISHED","visible":true,"kind":"SUPPLIER",
                 "name":{"en":"Demo Green Packaging Ltd","zhHant":"示範綠色包裝有限公司"},"aFieldOfANewerMapping":42}
                """, CompanyIndexDocument.class);
        assertThat(read.id()).isEqualTo("cmp-demo-supplier");
        assertThat(read.name().zhHant()).isEqualTo("示範綠色包裝有限公司");
        assertThat(read.locations()).isNull();
    }
}
