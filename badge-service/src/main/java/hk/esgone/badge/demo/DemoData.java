package hk.esgone.badge.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import hk.esgone.badge.achievement.Achievement;
import hk.esgone.badge.achievement.AchievementKind;
import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.achievement.ScorecardLevel;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.issuing.BadgeService;
import hk.esgone.badge.issuing.Holder;
import hk.esgone.badge.support.Bilingual;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo achievements and badges ({@code ESG_BADGE_DEMO_DATA=true}): the four badge types of the product and a few
 * badges for the demo suppliers, one of them revoked so the "not valid" states can be seen. Idempotent: fixed ids,
 * nothing is created twice.
 */
@Component
class DemoData {

    // the same names and BR numbers as directory-service's demo companies (DemoCompanyGenerator, slots 0 and 1)
    static final Holder SUPPLIER = new Holder("cmp-demo-supplier", "11226648", null,
            Bilingual.of("Demo Green Packaging Ltd", "示範綠色包裝有限公司"));
    static final Holder SUPPLIER_2 = new Holder("cmp-demo-supplier-2", "11218729", null,
            Bilingual.of("Kwun Tong Precision Metal Works Ltd", "觀塘精密金屬製品有限公司"));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final BadgeProperties properties;
    private final AchievementService achievements;
    private final BadgeService badges;
    private final Clock clock;

    DemoData(BadgeProperties properties, AchievementService achievements, BadgeService badges, Clock clock) {
        this.properties = properties;
        this.achievements = achievements;
        this.badges = badges;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!properties.demoData()) {
            return;
        }
        seedAll().doOnSuccess(v -> log.info("Demo badges are in place"))
                .doOnError(e -> log.warn("Demo data could not be seeded: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    Mono<Void> seedAll() {
        var now = clock.instant();
        List<Achievement> types = List.of(
                achievement("ach-esg-one-ebadge", AchievementKind.E_BADGE, null,
                        "ESG One e-Badge", "ESG One 電子徽章",
                        "Completed the ESG One self-assessment of environmental, social and governance practices.",
                        "完成 ESG One 環境、社會及管治（ESG）自我評估。",
                        "Complete all sections of the ESG One self-assessment and submit it for review.",
                        "完成 ESG One 自我評估的所有部分並提交審閱。", now),
                achievement("ach-scorecard-gold-2026", AchievementKind.SCORECARD_LEVEL, ScorecardLevel.GOLD,
                        "ESG One Scorecard — Gold 2026", "ESG One 評分卡 — 金級 2026",
                        "Reached the Gold level of the ESG One scorecard in the 2026 assessment.",
                        "於 2026 年評估中達到 ESG One 評分卡金級。",
                        "An overall ESG scorecard result at or above the Gold threshold, from an assessment dated in 2026.",
                        "2026 年評估的整體 ESG 評分達到或超過金級門檻。", now),
                achievement("ach-cleaner-production-partner-2026", AchievementKind.CLEANER_PRODUCTION_PARTNER, null,
                        "Cleaner Production Partner 2026", "清潔生產伙伴 2026",
                        "Recognised as a Cleaner Production Partner for 2026 under the Hong Kong–Guangdong programme.",
                        "獲粵港清潔生產伙伴計劃認可為 2026 年度清潔生產伙伴。",
                        "Implemented cleaner production measures (energy saving, emission or waste reduction) verified in 2026.",
                        "於 2026 年實施並經核實的清潔生產措施（節能、減排或減廢）。", now),
                achievement("ach-green-directory-listed", AchievementKind.DIRECTORY_LISTING, null,
                        "Green Directory Listed", "綠色名錄已登錄",
                        "Listed in the ESG One green directory with a verified company profile.",
                        "已以經核實的公司資料登錄 ESG One 綠色名錄。",
                        "A published, verified company profile in the ESG One green directory.",
                        "於 ESG One 綠色名錄發布並經核實的公司資料。", now));
        return Flux.fromIterable(types).concatWith(Flux.fromIterable(levelAchievements(now))).concatMap(achievements::insertIfAbsent)
                .thenMany(Flux.concat(
                        badges.issueWithId("bdg-demo-supplier-ebadge", "ach-esg-one-ebadge", SUPPLIER, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-gold-2026", "ach-scorecard-gold-2026", SUPPLIER, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-cpp-2026", "ach-cleaner-production-partner-2026", SUPPLIER, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-listed", "ach-green-directory-listed", SUPPLIER, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-2-ebadge", "ach-esg-one-ebadge", SUPPLIER_2, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-2-listed", "ach-green-directory-listed", SUPPLIER_2, null, "demo"),
                        badges.issueWithId("bdg-demo-supplier-2-gold-2026", "ach-scorecard-gold-2026", SUPPLIER_2, null, "demo")
                                .flatMap(b -> b.revokedAt() != null ? Mono.just(b)
                                        : badges.revoke(b.id(), "Demo: the 2026 scorecard assessment was withdrawn.", "demo"))))
                .then()
                .timeout(Duration.ofMinutes(1));
    }

    /**
     * The scorecard-level achievements assessment-service asks for ({@code ach-scorecard-<level>-<year>}): every level
     * of this year and last year, so a demo company's assessment earns its level badge without an admin creating it.
     */
    private List<Achievement> levelAchievements(java.time.Instant now) {
        int thisYear = now.atZone(java.time.ZoneId.of("Asia/Hong_Kong")).getYear();
        Map<ScorecardLevel, String[]> names = Map.of(ScorecardLevel.BRONZE, new String[] {"Bronze", "銅級"},
                ScorecardLevel.SILVER, new String[] {"Silver", "銀級"}, ScorecardLevel.GOLD, new String[] {"Gold", "金級"},
                ScorecardLevel.PLATINUM, new String[] {"Platinum", "鉑金級"});
        List<Achievement> levels = new java.util.ArrayList<>();
        for (int year = thisYear - 1; year <= thisYear; year++) {
            for (ScorecardLevel level : ScorecardLevel.values()) {
                String en = names.get(level)[0];
                String zh = names.get(level)[1];
                levels.add(achievement("ach-scorecard-" + level.name().toLowerCase(java.util.Locale.ROOT) + "-" + year,
                        AchievementKind.SCORECARD_LEVEL, level, "ESG One Scorecard — " + en + " " + year,
                        "ESG One 評分卡 — " + zh + " " + year,
                        "Reached the " + en + " level of the ESG One scorecard in the " + year + " assessment.",
                        "於 " + year + " 年評估中達到 ESG One 評分卡" + zh + "。",
                        "The " + en + " level of the ESG One self-assessment's scorecard, for the " + year + " reporting year.",
                        year + " 年度 ESG One 自我評估評分卡達到" + zh + "。", now));
            }
        }
        return levels;
    }

    private static Achievement achievement(String id, AchievementKind kind, ScorecardLevel level, String nameEn, String nameZh,
                                           String descEn, String descZh, String critEn, String critZh, java.time.Instant now) {
        return new Achievement(id, kind, Bilingual.of(nameEn, nameZh), Bilingual.of(descEn, descZh), Bilingual.of(critEn, critZh),
                null, null, "P1Y", level, false, now, now);
    }
}
