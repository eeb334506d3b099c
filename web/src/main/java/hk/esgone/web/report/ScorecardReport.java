package hk.esgone.web.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import hk.esgone.web.company.Radar;
import hk.esgone.web.support.Bilingual;
import hk.esgone.web.support.ServiceJson;
import tools.jackson.databind.JsonNode;

/**
 * A submitted scorecard as the shareable page and the PDF show it: the company's names (from its public profile),
 * scores, level and why, topic scores, carbon totals (and, in the company's own report, its activity lines), peer
 * percentiles when assessment-service has them, and where to check the company: its badge's verification page when
 * it holds a valid badge, else its public profile.
 *
 * @param verifyUrl   the badge verification page, or null when the company holds no valid badge
 * @param profileUrl  the company's public profile
 * @param percentiles E, S, G and overall percentiles among peers (null when not available)
 */
public record ScorecardReport(String assessmentId, String companyId, Bilingual companyName, int year, ZonedDateTime submittedAt,
                              BigDecimal overall, String level, Bilingual levelTitle, Bilingual levelRule, List<Pillar> pillars,
                              List<Topic> topics, Carbon carbon, String verifyUrl, String profileUrl, Percentiles percentiles) {

    static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    /** A pillar (E, S, G): title and score 0-100. */
    public record Pillar(String code, Bilingual title, BigDecimal score) {
    }

    /** A topic: title, pillar and score 0-100 (null when nothing in it applied). */
    public record Topic(String code, String pillar, Bilingual title, BigDecimal score) {
    }

    /** Tonnes CO2e; intensities null when unknown; {@code lines} empty in the public version. */
    public record Carbon(BigDecimal scope1Tonnes, BigDecimal scope2Tonnes, BigDecimal totalTonnes, BigDecimal tonnesPerEmployee,
                         BigDecimal tonnesPerMillionHkd, String factorSet, List<CarbonLine> lines) {
    }

    public record CarbonLine(Bilingual activity, int scope, BigDecimal amount, String unit, BigDecimal kgCo2e) {
    }

    /** Percentile ranks among peers, 0-100 (each null when not given). */
    public record Percentiles(BigDecimal environmental, BigDecimal social, BigDecimal governance, BigDecimal overall) {
    }

    /** The pillar score by code, or null. */
    public BigDecimal pillarScore(String code) {
        return pillars.stream().filter(p -> p.code().equals(code)).map(Pillar::score).findFirst().orElse(null);
    }

    /** The pillar's title by code (the code itself when unknown). */
    public Bilingual pillarTitle(String code) {
        return pillars.stream().filter(p -> p.code().equals(code)).map(Pillar::title).findFirst().orElse(new Bilingual(code, code));
    }

    /** The radar of the company page, drawn from the pillar scores (whole numbers). */
    public Radar radar() {
        return Radar.of(whole(pillarScore("E")), whole(pillarScore("S")), whole(pillarScore("G")));
    }

    /** The name for a file: ASCII letters and digits of the English name (else the company id), joined by hyphens. */
    public String fileStem() {
        String ascii = companyName.in("en").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (ascii.length() > 60) {
            ascii = ascii.substring(0, 60).replaceAll("-$", "");
        }
        return "esg-scorecard-" + (ascii.isEmpty() ? companyId : ascii) + "-" + year;
    }

    private static Integer whole(BigDecimal score) {
        return score == null ? null : score.setScale(0, RoundingMode.HALF_UP).intValue();
    }

    /** From assessment-service's summary ({@code /shared/{id}} or {@code /{id}/report}) and the company's names. */
    static ScorecardReport of(JsonNode s, Bilingual name, String verifyUrl, String profileUrl, Percentiles percentiles) {
        List<Pillar> pillars = new ArrayList<>();
        s.path("pillars").forEach(p -> pillars.add(new Pillar(p.path("pillar").asString(""), Bilingual.of(p.path("title")),
                decimal(p.path("score")))));
        List<Topic> topics = new ArrayList<>();
        s.path("topics").forEach(t -> topics.add(new Topic(t.path("code").asString(""), t.path("pillar").asString(""),
                Bilingual.of(t.path("title")), decimal(t.path("score")))));
        JsonNode c = s.path("carbon");
        List<CarbonLine> lines = new ArrayList<>();
        c.path("lines").forEach(l -> lines.add(new CarbonLine(Bilingual.of(l.path("activity")), l.path("scope").asInt(0),
                decimal(l.path("amount")), l.path("unit").asString(null), decimal(l.path("kgCo2e")))));
        Instant submitted = ServiceJson.instant(s.path("submittedAt"));
        return new ScorecardReport(s.path("assessmentId").asString(""), s.path("companyId").asString(""), name,
                s.path("year").asInt(0), submitted == null ? null : submitted.atZone(HONG_KONG), decimal(s.path("overall")),
                s.path("level").asString(""), Bilingual.of(s.path("levelTitle")), Bilingual.of(s.path("levelRule")),
                List.copyOf(pillars), List.copyOf(topics),
                new Carbon(tonnes(c.path("scope1Tonnes")), tonnes(c.path("scope2Tonnes")), tonnes(c.path("totalTonnes")),
                        tonnes(c.path("tonnesPerEmployee")), tonnes(c.path("tonnesPerMillionHkd")), c.path("factorSet").asString(null),
                        List.copyOf(lines)),
                verifyUrl, profileUrl, percentiles);
    }

    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }

    /**
     * Tonnes as the service rounds them, three decimals: the JSON reader may have read 10.500 as 10.5, and the page
     * and PDF show every tonne figure alike.
     */
    private static BigDecimal tonnes(JsonNode node) {
        BigDecimal value = decimal(node);
        return value == null ? null : value.setScale(3, RoundingMode.HALF_UP);
    }
}
