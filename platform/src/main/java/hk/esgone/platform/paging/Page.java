package hk.esgone.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * A page of {@code items} fetched with {@code limit}: a full page gets a cursor made from its last item
     * (a last page that happens to be full costs one more, empty, request).
     */
    public static <T> Page<T> of(List<T> items, int limit, Function<T, String> cursorOfLast) {
        String next = !items.isEmpty() && items.size() == limit ? cursorOfLast.apply(items.getLast()) : null;
        return new Page<>(items, next);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
