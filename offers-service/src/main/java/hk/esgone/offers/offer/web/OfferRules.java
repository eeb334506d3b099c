package hk.esgone.offers.offer.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import hk.esgone.offers.config.OffersProperties;
import hk.esgone.offers.eligibility.EligibilityRule;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferDefinition;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.problem.ApiProblem;
import hk.esgone.platform.text.TextRules;

/**
 * Validates an {@link OfferRequest} as a whole and reports every invalid field at once, in the same
 * {@code validation} problem shape the platform uses for bean validation.
 */
final class OfferRules {

    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 2000;
    static final int TERMS_MAX = 4000;
    static final int LINK_MAX = 2000;
    static final int INDUSTRIES_MAX = 25;
    static final BigDecimal PERCENT_MAX = new BigDecimal("100");
    static final BigDecimal MONEY_MAX = new BigDecimal("1000000");
    static final Duration LONGEST_WINDOW = Duration.ofDays(3 * 366);
    static final Duration FURTHEST_START = Duration.ofDays(2 * 366);
    private static final Pattern INDUSTRY = Pattern.compile("[A-Z0-9]{1,10}");

    private final List<Map<String, Object>> errors = new ArrayList<>();

    private OfferRules() {
    }

    static OfferDefinition validate(OfferRequest r, OffersProperties.Limits limits, Instant now) {
        OfferRules rules = new OfferRules();
        OfferDefinition definition = rules.check(r, limits, now);
        if (!rules.errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "One or more fields are invalid.",
                    Map.of("errors", rules.errors));
        }
        return definition;
    }

    private OfferDefinition check(OfferRequest r, OffersProperties.Limits limits, Instant now) {
        if (r == null) {
            error("", "A request body is required.");
            return null;
        }
        required("type", r.type());
        required("category", r.category());

        BigDecimal value = r.value() == null ? null : r.value().stripTrailingZeros();
        if (value != null && value.scale() < 0) {
            value = value.setScale(0);
        }
        if (r.type() != null) {
            switch (r.type()) {
                case PERCENTAGE_DISCOUNT, CASHBACK_PERCENTAGE -> {
                    if (required("value", value)) {
                        range("value", value, BigDecimal.ZERO, false, PERCENT_MAX, "a percentage above 0 and at most 100");
                    }
                }
                case FIXED_DISCOUNT -> {
                    if (required("value", value)) {
                        range("value", value, BigDecimal.ZERO, false, MONEY_MAX, "an amount above 0 and at most 1,000,000");
                    }
                }
                case FREE_SERVICE_OR_TRIAL -> {
                    if (value != null) {
                        range("value", value, BigDecimal.ZERO, true, MONEY_MAX, "a nominal worth from 0 to 1,000,000");
                    }
                }
            }
        }
        if (value != null && value.scale() > 2) {
            error("value", "At most two decimal places.");
        }
        String currency = r.currency() == null ? "HKD" : r.currency();
        if (!"HKD".equals(currency)) {
            error("currency", "Only HKD is supported.");
        }

        LocalizedText title = text("title", r.title(), TITLE_MAX, false);
        LocalizedText description = text("description", r.description(), DESCRIPTION_MAX, true);
        LocalizedText terms = text("terms", r.terms(), TERMS_MAX, true);

        if (required("validFrom", r.validFrom()) & required("validUntil", r.validUntil())) {
            if (!r.validUntil().isAfter(r.validFrom())) {
                error("validUntil", "Must be after validFrom.");
            } else if (Duration.between(r.validFrom(), r.validUntil()).compareTo(LONGEST_WINDOW) > 0) {
                error("validUntil", "An offer may run for at most three years.");
            }
            if (!r.validUntil().isAfter(now)) {
                error("validUntil", "Must be in the future.");
            }
            if (r.validFrom().isAfter(now.plus(FURTHEST_START))) {
                error("validFrom", "Must be within two years from now.");
            }
        }

        int quota = 0;
        if (required("quota", r.quota())) {
            quota = r.quota();
            if (quota < 1 || quota > limits.maxQuota()) {
                error("quota", "Must be from 1 to " + limits.maxQuota() + ".");
            }
        }
        int perCompany = 0;
        if (required("perCompanyLimit", r.perCompanyLimit())) {
            perCompany = r.perCompanyLimit();
            if (perCompany < 1 || perCompany > limits.maxPerCompanyLimit()) {
                error("perCompanyLimit", "Must be from 1 to " + limits.maxPerCompanyLimit() + ".");
            } else if (r.quota() != null && perCompany > r.quota()) {
                error("perCompanyLimit", "Cannot exceed the quota.");
            }
        }

        EligibilityRule eligibility = eligibility(r.eligibility());

        RedemptionMethod method = null;
        String link = null;
        if (required("redemption", r.redemption()) && required("redemption.method", r.redemption().method())) {
            method = r.redemption().method();
            link = r.redemption().link();
            if (link != null) {
                link = link.strip();
                if (link.isEmpty()) {
                    link = null;
                }
            }
            if (method == RedemptionMethod.LINK && link == null) {
                error("redemption.link", "A LINK offer needs the https link where the offer is redeemed.");
            }
            if (link != null && !isHttpsLink(link)) {
                error("redemption.link", "Must be an absolute https URL of at most " + LINK_MAX + " characters.");
            }
        }

        if (!errors.isEmpty()) {
            return null;
        }
        return new OfferDefinition(r.type(), value, currency, title, description, terms, r.category(),
                r.validFrom(), r.validUntil(), quota, perCompany, eligibility, method, link);
    }

    private EligibilityRule eligibility(OfferRequest.EligibilityInput input) {
        if (input == null) {
            return new EligibilityRule(null, null, List.of());
        }
        String achievement = input.requiredAchievementId();
        if (achievement != null && !Ids.ACHIEVEMENT.isValid(achievement)) {
            error("eligibility.requiredAchievementId", "Must be an achievement id such as 'ach-scorecard-gold-2026'.");
        }
        LinkedHashSet<String> industries = new LinkedHashSet<>();
        if (input.industries() != null) {
            if (input.industries().size() > INDUSTRIES_MAX) {
                error("eligibility.industries", "At most " + INDUSTRIES_MAX + " industries.");
            }
            for (int i = 0; i < input.industries().size() && i < INDUSTRIES_MAX; i++) {
                String code = input.industries().get(i);
                String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
                if (!INDUSTRY.matcher(normalized).matches()) {
                    error("eligibility.industries[" + i + "]", "Must be an HSIC industry code (letters and digits).");
                } else {
                    industries.add(normalized);
                }
            }
        }
        return new EligibilityRule(achievement, input.minScorecardLevel(), List.copyOf(industries));
    }

    private LocalizedText text(String field, LocalizedText text, int max, boolean multiline) {
        if (!required(field, text)) {
            return null;
        }
        String en = oneText(field + ".en", text.en(), max, multiline);
        String zh = oneText(field + ".zhHant", text.zhHant(), max, multiline);
        return new LocalizedText(en, zh);
    }

    private String oneText(String field, String value, int max, boolean multiline) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            error(field, "Required in both English (en) and Traditional Chinese (zhHant).");
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            error(field, "At most " + max + " characters.");
        }
        String why = TextRules.violation(v, multiline ? TextRules.Kind.FREE : TextRules.Kind.PLAIN);
        if (why != null) {
            error(field, "Contains characters that are not allowed here: " + why + ".");
        }
        return v;
    }

    private boolean required(String field, Object value) {
        if (value == null) {
            error(field, "Required.");
            return false;
        }
        return true;
    }

    private void range(String field, BigDecimal value, BigDecimal min, boolean minInclusive, BigDecimal max, String what) {
        int lower = value.compareTo(min);
        if (lower < 0 || (lower == 0 && !minInclusive) || value.compareTo(max) > 0) {
            error(field, "Must be " + what + ".");
        }
    }

    private static boolean isHttpsLink(String link) {
        if (link.length() > LINK_MAX) {
            return false;
        }
        try {
            URI uri = new URI(link.replace("{code}", "CODE"));
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    private void error(String field, String message) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("field", field);
        item.put("message", message);
        errors.add(item);
    }
}
