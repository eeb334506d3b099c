package hk.esgone.offers.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies of offers for tests. */
public final class OfferBodies {

    private OfferBodies() {
    }

    /** A valid offer body at {@code now}; entries of {@code overrides} replace (or, with null, remove) top-level fields. */
    public static Map<String, Object> valid(Instant now, Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PERCENTAGE_DISCOUNT");
        body.put("value", 10);
        body.put("currency", "HKD");
        body.put("title", Map.of("en", "10% off service fees", "zhHant", "服務費九折"));
        body.put("description", Map.of("en", "Green business account: 10% off fees for a month.", "zhHant", "綠色商業賬戶首月服務費九折。"));
        body.put("terms", Map.of("en", "New accounts only.", "zhHant", "只限新賬戶。"));
        body.put("category", "BANKING_AND_FINANCE");
        body.put("validFrom", now.minus(Duration.ofHours(1)).toString());
        body.put("validUntil", now.plus(Duration.ofDays(30)).toString());
        body.put("quota", 50);
        body.put("perCompanyLimit", 1);
        body.put("redemption", Map.of("method", "UNIQUE_CODE"));
        overrides.forEach((k, v) -> {
            if (v == null) {
                body.remove(k);
            } else {
                body.put(k, v);
            }
        });
        return body;
    }
}
