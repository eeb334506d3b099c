package hk.esgone.offers.pagination;

import hk.esgone.platform.problem.ApiProblem;

/** The {@code limit} query parameter: 1..100, 20 when absent. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int of(Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw ApiProblem.validation("limit must be between 1 and " + MAX + ".");
        }
        return limit;
    }
}
