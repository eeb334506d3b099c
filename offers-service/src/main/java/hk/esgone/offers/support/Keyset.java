package hk.esgone.offers.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;

import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.problem.ApiProblem;

/**
 * Keyset pagination over lists sorted by (an instant desc, {@code _id} desc): the position a cursor carries
 * ({@code instant|id}), the filter that continues after it, and the page made from {@code limit + 1} rows
 * (so the last page has no cursor).
 */
public final class Keyset {

    private Keyset() {
    }

    public static String position(Instant at, String id) {
        return at + "|" + id;
    }

    /** Rows after the position: an earlier instant, or the same instant and a smaller id. */
    public static Criteria after(String field, String position) {
        int bar = position.indexOf('|');
        Instant at;
        try {
            at = Instant.parse(position.substring(0, Math.max(bar, 0)));
        } catch (DateTimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                    "The cursor is not valid. Use the nextCursor value of a previous page unchanged.");
        }
        Date date = Date.from(at);
        String id = position.substring(bar + 1);
        return new Criteria().orOperator(Criteria.where(field).lt(date), Criteria.where(field).is(date).and("_id").lt(id));
    }

    /** The first {@code limit} of {@code found} (fetched with {@code limit + 1}), with a cursor when there are more. */
    public static <T> Page<T> page(List<T> found, int limit, Function<T, String> position, CursorCodec cursors, String query) {
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<T> items = List.copyOf(found.subList(0, limit));
        return new Page<>(items, cursors.encode(query, position.apply(items.getLast())));
    }
}
