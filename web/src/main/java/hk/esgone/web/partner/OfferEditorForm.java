package hk.esgone.web.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import hk.esgone.platform.ids.Ids;
import hk.esgone.platform.text.TextRules;
import hk.esgone.web.offers.OfferCatalogue;
import hk.esgone.web.support.FormText;
import tools.jackson.databind.JsonNode;

/**
 * An offer as the partner's editor shows and sends it: every field of offers-service's offer request, as typed
 * (strings, so that a value that is no number or no date is kept and named rather than lost). Dates are Hong Kong
 * dates: an offer opens at the start of its first day and closes at the end of its last day, Hong Kong time, which
 * is how the offer page shows them.
 */
public record OfferEditorForm(String type, String value, String titleEn, String titleZh, String descriptionEn, String descriptionZh,
                              String termsEn, String termsZh, String category, String validFrom, String validUntil, String quota,
                              String perCompanyLimit, String achievement, String minLevel, List<String> industries, String method,
                              String link) {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    /** offers-service's limits (OfferRules), checked here too so that a long text is named before anything is sent. */
    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int TERMS_MAX = 4000;
    public static final int LINK_MAX = 2000;
    public static final int INDUSTRIES_MAX = 25;
    public static final List<String> LEVELS = List.of("BRONZE", "SILVER", "GOLD", "PLATINUM");
    public static final List<String> METHODS = List.of("UNIQUE_CODE", "CODE_POOL", "LINK");
    /** The form's fields in the order the page shows them (the error summary follows it). */
    public static final List<String> FIELDS = List.of("titleEn", "titleZh", "descriptionEn", "descriptionZh", "type", "value", "category",
            "validFrom", "validUntil", "quota", "perCompanyLimit", "achievement", "minLevel", "industries", "method", "link", "termsEn",
            "termsZh", "other");

    private static final Pattern INDUSTRY = Pattern.compile("[A-Z0-9]{1,10}");
    /** Far more than any field allows: what was typed is kept whole (and named too long), not cut. */
    private static final int KEEP_MAX = 20_000;

    /** Why a field cannot be sent: a message key ({@code offerEditor.error.<code>}) and its one argument. */
    public record Problem(String code, Object arg) {
    }

    /** A new offer as the editor starts it. */
    public static OfferEditorForm blank() {
        return new OfferEditorForm(null, null, null, null, null, null, null, null, null, null, null, null, "1", null, null, List.of(),
                "UNIQUE_CODE", null);
    }

    public OfferEditorForm {
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    /** The form as posted; what the portal can already tell is wrong goes into {@code problems} (form field → problem). */
    public static OfferEditorForm read(MultiValueMap<String, String> form, Map<String, Problem> problems) {
        String type = choice(form.getFirst("type"), OfferCatalogue.TYPES);
        String category = choice(form.getFirst("category"), OfferCatalogue.CATEGORIES);
        String method = choice(form.getFirst("method"), METHODS);
        List<String> industries = List.copyOf(new LinkedHashSet<>(form.getOrDefault("industries", List.of()).stream()
                .filter(code -> code != null && INDUSTRY.matcher(code).matches()).limit(INDUSTRIES_MAX + 1L).toList()));
        OfferEditorForm typed = new OfferEditorForm(type, line(form, "value", 40), text(form, "titleEn", false), text(form, "titleZh", false),
                text(form, "descriptionEn", true), text(form, "descriptionZh", true), text(form, "termsEn", true), text(form, "termsZh", true),
                category, line(form, "validFrom", 40), line(form, "validUntil", 40), line(form, "quota", 40), line(form, "perCompanyLimit", 40),
                line(form, "achievement", 100), choice(form.getFirst("minLevel"), LEVELS), industries, method, line(form, "link", KEEP_MAX));
        typed.check(form, problems);
        return typed;
    }

    private void check(MultiValueMap<String, String> form, Map<String, Problem> problems) {
        checkText(form, "titleEn", titleEn, TITLE_MAX, TextRules.Kind.PLAIN, problems);
        checkText(form, "titleZh", titleZh, TITLE_MAX, TextRules.Kind.PLAIN, problems);
        checkText(form, "descriptionEn", descriptionEn, DESCRIPTION_MAX, TextRules.Kind.FREE, problems);
        checkText(form, "descriptionZh", descriptionZh, DESCRIPTION_MAX, TextRules.Kind.FREE, problems);
        checkText(form, "termsEn", termsEn, TERMS_MAX, TextRules.Kind.FREE, problems);
        checkText(form, "termsZh", termsZh, TERMS_MAX, TextRules.Kind.FREE, problems);
        if (type == null) {
            problems.put("type", new Problem("choose", null));
        }
        if (category == null) {
            problems.put("category", new Problem("choose", null));
        }
        if (method == null) {
            problems.put("method", new Problem("choose", null));
        }
        if (value == null) {
            if (type != null && !"FREE_SERVICE_OR_TRIAL".equals(type)) {
                problems.put("value", new Problem("required", null));
            }
        } else {
            BigDecimal amount = amount(value);
            if (amount == null) {
                problems.put("value", new Problem("number", null));
            } else if (amount.signum() < 0 || (amount.signum() == 0 && !"FREE_SERVICE_OR_TRIAL".equals(type))) {
                problems.put("value", new Problem("positive", null));
            } else if (amount.stripTrailingZeros().scale() > 2) {
                problems.put("value", new Problem("decimals", null));
            } else if (type != null && ("PERCENTAGE_DISCOUNT".equals(type) || "CASHBACK_PERCENTAGE".equals(type))
                    && amount.compareTo(new BigDecimal("100")) > 0) {
                problems.put("value", new Problem("percent", null));
            }
        }
        LocalDate from = date("validFrom", validFrom, problems);
        LocalDate until = date("validUntil", validUntil, problems);
        if (from != null && until != null && until.isBefore(from)) {
            problems.put("validUntil", new Problem("order", null));
        }
        Integer places = whole("quota", quota, problems);
        Integer perCompany = whole("perCompanyLimit", perCompanyLimit, problems);
        if (places != null && perCompany != null && perCompany > places) {
            problems.put("perCompanyLimit", new Problem("perCompany", null));
        }
        if (achievement != null && !Ids.ACHIEVEMENT.isValid(achievement)) {
            problems.put("achievement", new Problem("achievement", null));
        }
        if (form.containsKey("minLevel") && !blankRaw(form.getFirst("minLevel")) && minLevel == null) {
            problems.put("minLevel", new Problem("choose", null));
        }
        if (industries.size() > INDUSTRIES_MAX) {
            problems.put("industries", new Problem("industries", INDUSTRIES_MAX));
        }
        if ("LINK".equals(method) && link == null) {
            problems.put("link", new Problem("link-required", null));
        } else if (link != null && (!link.regionMatches(true, 0, "https://", 0, 8) || link.length() > LINK_MAX || link.contains(" "))) {
            problems.put("link", new Problem("link", null));
        }
    }

    /** The request body of offers-service's create and edit (only sent when the form has no problem). */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("value", value == null ? null : amount(value));
        body.put("currency", "HKD");
        body.put("title", Map.of("en", titleEn, "zhHant", titleZh));
        body.put("description", Map.of("en", descriptionEn, "zhHant", descriptionZh));
        body.put("terms", Map.of("en", termsEn, "zhHant", termsZh));
        body.put("category", category);
        body.put("validFrom", opens(LocalDate.parse(validFrom)).toString());
        body.put("validUntil", closes(LocalDate.parse(validUntil)).toString());
        body.put("quota", Integer.parseInt(quota));
        body.put("perCompanyLimit", Integer.parseInt(perCompanyLimit));
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("requiredAchievementId", achievement);
        eligibility.put("minScorecardLevel", minLevel);
        eligibility.put("industries", industries);
        body.put("eligibility", eligibility);
        Map<String, Object> redemption = new LinkedHashMap<>();
        redemption.put("method", method);
        redemption.put("link", link);
        body.put("redemption", redemption);
        return body;
    }

    /**
     * The offer as offers-service's partner and catalogue views describe one, built from what was typed (whatever
     * can be read of it), so that the preview is drawn by the catalogue's own view model.
     */
    public Map<String, Object> asOffer(String partnerId) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("id", "off-preview");
        offer.put("partnerId", partnerId);
        offer.put("type", type);
        offer.put("value", shown(value == null ? null : amount(value)));
        offer.put("currency", "HKD");
        offer.put("title", bilingual(titleEn, titleZh));
        offer.put("description", bilingual(descriptionEn, descriptionZh));
        offer.put("terms", bilingual(termsEn, termsZh));
        offer.put("category", category);
        LocalDate from = parseDate(validFrom);
        LocalDate until = parseDate(validUntil);
        offer.put("validFrom", from == null ? null : opens(from).toString());
        offer.put("validUntil", until == null ? null : closes(until).toString());
        Integer places = parseWhole(quota);
        offer.put("quota", places);
        offer.put("remaining", places);
        offer.put("perCompanyLimit", parseWhole(perCompanyLimit));
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("requiredAchievementId", achievement != null && Ids.ACHIEVEMENT.isValid(achievement) ? achievement : null);
        eligibility.put("minScorecardLevel", minLevel);
        eligibility.put("industries", industries);
        offer.put("eligibility", eligibility);
        offer.put("redemptionMethod", method);
        return offer;
    }

    /** The editable fields of an offer as offers-service's partner API answers it. */
    public static OfferEditorForm of(JsonNode offer) {
        JsonNode rules = offer.path("eligibility");
        List<String> industries = new ArrayList<>();
        rules.path("industries").forEach(i -> industries.add(i.asString()));
        JsonNode value = offer.path("value");
        return new OfferEditorForm(offer.path("type").asString(null), value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : null,
                blank(offer.path("title").path("en")), blank(offer.path("title").path("zhHant")),
                blank(offer.path("description").path("en")), blank(offer.path("description").path("zhHant")),
                blank(offer.path("terms").path("en")), blank(offer.path("terms").path("zhHant")), offer.path("category").asString(null),
                hongKongDate(offer.path("validFrom").asString(null), false), hongKongDate(offer.path("validUntil").asString(null), true),
                offer.path("quota").isNumber() ? offer.path("quota").asString() : null,
                offer.path("perCompanyLimit").isNumber() ? offer.path("perCompanyLimit").asString() : null,
                blank(rules.path("requiredAchievementId")), blank(rules.path("minScorecardLevel")), industries,
                blank(offer.path("redemption").path("method")), blank(offer.path("redemption").path("link")));
    }

    /** A field whose stored value and typed value differ, for the page that shows a stale save. */
    public record Difference(String field, String now, String yours) {
    }

    /** What differs between {@code now} (saved) and {@code yours} (typed), in the form's order. */
    public static List<Difference> differences(OfferEditorForm now, OfferEditorForm yours) {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        pairs.put("titleEn", new String[] {now.titleEn, yours.titleEn});
        pairs.put("titleZh", new String[] {now.titleZh, yours.titleZh});
        pairs.put("descriptionEn", new String[] {now.descriptionEn, yours.descriptionEn});
        pairs.put("descriptionZh", new String[] {now.descriptionZh, yours.descriptionZh});
        pairs.put("type", new String[] {now.type, yours.type});
        pairs.put("value", new String[] {now.value, yours.value});
        pairs.put("category", new String[] {now.category, yours.category});
        pairs.put("validFrom", new String[] {now.validFrom, yours.validFrom});
        pairs.put("validUntil", new String[] {now.validUntil, yours.validUntil});
        pairs.put("quota", new String[] {now.quota, yours.quota});
        pairs.put("perCompanyLimit", new String[] {now.perCompanyLimit, yours.perCompanyLimit});
        pairs.put("achievement", new String[] {now.achievement, yours.achievement});
        pairs.put("minLevel", new String[] {now.minLevel, yours.minLevel});
        pairs.put("industries", new String[] {String.join(", ", now.industries), String.join(", ", yours.industries)});
        pairs.put("method", new String[] {now.method, yours.method});
        pairs.put("link", new String[] {now.link, yours.link});
        pairs.put("termsEn", new String[] {now.termsEn, yours.termsEn});
        pairs.put("termsZh", new String[] {now.termsZh, yours.termsZh});
        List<Difference> differences = new ArrayList<>();
        pairs.forEach((field, both) -> {
            String a = both[0] == null || both[0].isEmpty() ? null : both[0];
            String b = both[1] == null || both[1].isEmpty() ? null : both[1];
            if (!Objects.equals(a, b)) {
                differences.add(new Difference(field, a, b));
            }
        });
        return differences;
    }

    /** The instant an offer opens on Hong Kong day {@code day}: its start. */
    static Instant opens(LocalDate day) {
        return day.atStartOfDay(HONG_KONG).toInstant();
    }

    /** The instant an offer closes after its last Hong Kong day {@code day}: the last second of that day. */
    static Instant closes(LocalDate day) {
        return day.plusDays(1).atStartOfDay(HONG_KONG).toInstant().minusSeconds(1);
    }

    /** A stored instant as the Hong Kong date the editor shows; an end exactly at midnight belongs to the day before. */
    static String hongKongDate(String instant, boolean end) {
        try {
            if (instant == null) {
                return null;
            }
            java.time.ZonedDateTime at = Instant.parse(instant).atZone(HONG_KONG);
            if (end && at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                at = at.minusDays(1);
            }
            return at.toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void checkText(MultiValueMap<String, String> form, String name, String cleaned, int max, TextRules.Kind kind,
                                  Map<String, Problem> problems) {
        String raw = form.getFirst(name);
        String rawNormalLines = raw == null ? null : raw.replace("\r\n", "\n");
        if (cleaned == null) {
            problems.put(name, new Problem("required", null));
        } else if (TextRules.violation(rawNormalLines, kind) != null) {
            // the page shows the text without them: the person sees what would be saved and saves again
            problems.put(name, new Problem("chars", null));
        } else if (cleaned.codePointCount(0, cleaned.length()) > max) {
            problems.put(name, new Problem("long", max));
        }
    }

    private static LocalDate date(String field, String text, Map<String, Problem> problems) {
        if (text == null) {
            problems.put(field, new Problem("required", null));
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null) {
            problems.put(field, new Problem("date", null));
        }
        return date;
    }

    private static Integer whole(String field, String text, Map<String, Problem> problems) {
        if (text == null) {
            problems.put(field, new Problem("required", null));
            return null;
        }
        Integer number = parseWhole(text);
        if (number == null || number < 1) {
            problems.put(field, new Problem("whole", null));
            return null;
        }
        return number;
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Integer parseWhole(String text) {
        if (text == null || !text.matches("[+-]?[0-9]{1,10}")) {
            return null;
        }
        long number = Long.parseLong(text);
        return number > Integer.MAX_VALUE || number < Integer.MIN_VALUE ? null : (int) number;
    }

    /** A money amount or percentage as typed: thousands separators allowed; anything else is no number. */
    private static BigDecimal amount(String text) {
        String plain = text.replace(",", "").replace(" ", "");
        if (!plain.matches("[+-]?[0-9]{1,9}(\\.[0-9]{1,10})?")) {
            return null;
        }
        return new BigDecimal(plain);
    }

    /** As offers-service stores an amount: without trailing zeros, never in exponent form. */
    private static BigDecimal shown(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Map<String, String> bilingual(String en, String zh) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("en", en);
        text.put("zhHant", zh);
        return text;
    }

    private static String text(MultiValueMap<String, String> form, String name, boolean lines) {
        String raw = form.getFirst(name);
        return lines ? FormText.cleanLines(raw, KEEP_MAX) : FormText.clean(raw, KEEP_MAX);
    }

    private static String line(MultiValueMap<String, String> form, String name, int max) {
        String cleaned = FormText.clean(form.getFirst(name), max);
        return cleaned == null ? null : cleaned.replace(" ", "").isEmpty() ? null : cleaned;
    }

    private static String choice(String raw, List<String> allowed) {
        return raw != null && allowed.contains(raw) ? raw : null;
    }

    private static boolean blankRaw(String raw) {
        return raw == null || raw.isBlank();
    }

    private static String blank(JsonNode node) {
        String value = node.asString(null);
        return value == null || value.isBlank() ? null : value;
    }
}
