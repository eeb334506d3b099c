package hk.esgone.badge.issuing.web;

import java.util.List;
import java.util.Map;

import hk.esgone.badge.issuing.BadgeService;

/** The answer of a bulk issue: how many were issued, and the result per company in the order sent. */
record BulkResult(String achievementId, int issued, int failed, List<BulkItem> results) {

    /** Result of one company: {@code ISSUED} with the badge, or {@code FAILED} with the problem's type and detail. */
    record BulkItem(String companyId, String outcome, BadgeView badge, Map<String, Object> problem) {
    }

    static BulkResult of(String achievementId, List<BadgeService.BulkOutcome> outcomes, BadgeViews views) {
        List<BulkItem> items = outcomes.stream()
                .map(o -> o.badge() != null
                        ? new BulkItem(o.companyId(), "ISSUED", views.view(o.badge()), null)
                        : new BulkItem(o.companyId(), "FAILED", null, Map.of("type", o.problem().getBody().getType().toString(),
                        "detail", String.valueOf(o.problem().getBody().getDetail()))))
                .toList();
        int issued = (int) items.stream().filter(i -> i.badge() != null).count();
        return new BulkResult(achievementId, issued, items.size() - issued, items);
    }
}
