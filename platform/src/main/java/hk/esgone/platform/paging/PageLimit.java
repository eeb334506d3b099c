package hk.esgone.platform.paging;

import hk.esgone.platform.problem.ApiProblem;

/** The {@code limit} query parameter of every list: 1..100, {@link #DEFAULT} when absent. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    /** The limit to use, or a 400 validation problem when it is outside 1..{@value #MAX}. */
    public static int of(Integer limit) {
        return of(limit, DEFAULT);
    }

    public static int of(Integer limit, int defaultLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.validation("limit must be between 1 and " + MAX + ".");
        }
        return limit;
    }
}
