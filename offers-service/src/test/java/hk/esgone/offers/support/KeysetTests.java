package hk.esgone.offers.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.problem.ApiProblem;

/** The offers' keyset positions inside platform cursors (the cursor format itself is tested in platform). */
class KeysetTests {

    private final CursorCodec cursors = new CursorCodec("secret");
    private final Instant at = Instant.parse("2026-03-01T10:15:30.123456789Z");

    @Test
    void aPageCarriesTheLastItemsPositionOnlyWhenThereIsMore() {
        List<String> ids = List.of("off-ccc", "off-bbb", "off-aaa");
        Page<String> full = Keyset.page(ids, 2, id -> Keyset.position(at, id), cursors, "catalogue|x");
        assertThat(full.items()).containsExactly("off-ccc", "off-bbb");
        assertThat(cursors.decode(full.nextCursor(), "catalogue|x")).isEqualTo("2026-03-01T10:15:30.123456789Z|off-bbb");
        assertThat(Keyset.page(ids, 3, id -> Keyset.position(at, id), cursors, "catalogue|x").nextCursor()).as("last page").isNull();
    }

    @Test
    void thePositionContinuesAfterTheSameInstantAndASmallerId() {
        Document filter = Keyset.after("listedAt", Keyset.position(at, "off-bbb")).getCriteriaObject();
        assertThat(filter.toJson()).contains("listedAt").contains("off-bbb");
        assertThat(filter.get("$or", List.class)).hasSize(2);
        assertThat(((Document) filter.get("$or", List.class).getFirst()).get("listedAt", Document.class).get("$lt")).isEqualTo(Date.from(at));
    }

    @Test
    void aCursorOfTheCatalogueUsedWithOtherFiltersIsRefused() {
        String cursor = cursors.encode("catalogue|x", Keyset.position(at, "off-abc123"));
        assertThatThrownBy(() -> cursors.decode(cursor, "catalogue|y"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(400);
                    assertThat(p.kind()).isEqualTo("invalid-cursor");
                    assertThat(p.getBody().getDetail()).contains("filters");
                });
    }

    @Test
    void aSignedPositionThatIsNotOursIsAnInvalidCursor() {
        assertThatThrownBy(() -> Keyset.after("listedAt", "not-a-position"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo("invalid-cursor"));
    }
}
