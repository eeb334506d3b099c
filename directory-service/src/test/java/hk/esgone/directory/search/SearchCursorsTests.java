package hk.esgone.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.FieldValue;

import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.problem.ApiProblem;

class SearchCursorsTests {

    final SearchCursors cursors = new SearchCursors(new CursorCodec("test-secret"));

    @Test
    void aCursorRoundTripsItsSortValuesForTheSameSearch() {
        List<FieldValue> after = List.of(FieldValue.of(3.25), FieldValue.of(1_700_000_000_000L), FieldValue.of("cmp-g0000042"), FieldValue.NULL);
        String cursor = cursors.encode("fp1", after);
        List<FieldValue> decoded = cursors.decode(cursor, "fp1");
        assertThat(decoded).hasSize(4);
        assertThat(decoded.get(0).doubleValue()).isEqualTo(3.25);
        assertThat(decoded.get(1).longValue()).isEqualTo(1_700_000_000_000L);
        assertThat(decoded.get(2).stringValue()).isEqualTo("cmp-g0000042");
        assertThat(decoded.get(3).isNull()).isTrue();
    }

    @Test
    void forgedAlteredForeignAndTransplantedCursorsAreRefused() {
        String cursor = cursors.encode("fp1", List.of(FieldValue.of("a")));
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        bytes[bytes.length - 19] ^= 1; // the "a" of the position ["s:a"], before the 16-byte tag
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String otherKey = new SearchCursors(new CursorCodec("another-secret")).encode("fp1", List.of(FieldValue.of("a")));
        String unsigned = cursor.substring(0, cursor.length() - 22);
        for (String bad : List.of(altered, otherKey, unsigned, cursor + ".", "garbage", "a.b.c", "", "x".repeat(5000),
                cursor + "x")) {
            assertThatThrownBy(() -> cursors.decode(bad, "fp1"))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo("invalid-cursor"));
        }
        // a genuine cursor used for another search
        assertThatThrownBy(() -> cursors.decode(cursor, "fp2"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.kind()).isEqualTo("invalid-cursor"));
    }
}
