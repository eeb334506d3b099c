package hk.esgone.offers.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import hk.esgone.offers.codes.CodeCsv;
import hk.esgone.offers.codes.CodePool;
import hk.esgone.offers.eligibility.EligibilityRule;
import hk.esgone.offers.offer.LocalizedText;
import hk.esgone.offers.offer.OfferCategory;
import hk.esgone.offers.offer.OfferDefinition;
import hk.esgone.offers.offer.OfferDocument;
import hk.esgone.offers.offer.OfferStatus;
import hk.esgone.offers.offer.OfferType;
import hk.esgone.offers.offer.RedemptionMethod;
import hk.esgone.offers.offer.store.OfferStore;
import hk.esgone.offers.support.MongoErrors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A few published offers of the demo partners ({@code ESG_OFFERS_DEMO_DATA=true}, set by dev/stack).
 * Fixed ids; an offer that already exists is left as it is, so restarts keep claims made in the demo.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    public static final String PARTNER = "cmp-demo-partner";
    public static final String PARTNER_2 = "cmp-demo-partner-2";
    public static final String GOLD_ACHIEVEMENT = "ach-scorecard-gold-2026";

    private final OfferStore offers;
    private final CodePool codePool;
    private final Clock clock;

    DemoData(OfferStore offers, CodePool codePool, Clock clock) {
        this.offers = offers;
        this.codePool = codePool;
        this.clock = clock;
    }

    public Mono<Void> load() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(1));
        Instant until = now.plus(Duration.ofDays(365));
        List<Mono<Void>> all = new ArrayList<>();
        all.add(offer("off-demo-bank-fees", PARTNER, new OfferDefinition(OfferType.PERCENTAGE_DISCOUNT, new BigDecimal("10"), "HKD",
                new LocalizedText("10% off service fees for the first month", "首月服務費九折"),
                new LocalizedText("Open a green business account and pay 10% less in service fees for the first month.",
                        "開立綠色商業賬戶，首月服務費減免一成。"),
                new LocalizedText("New business accounts only. One claim per company.", "只適用於新開立的商業賬戶。每間公司限領一次。"),
                OfferCategory.BANKING_AND_FINANCE, from, until, 50, 1, new EligibilityRule(null, null, List.of()),
                RedemptionMethod.UNIQUE_CODE, null), now.minusSeconds(40), List.of()));
        all.add(offer("off-demo-gold-cashback", PARTNER, new OfferDefinition(OfferType.CASHBACK_PERCENTAGE, new BigDecimal("8"), "HKD",
                new LocalizedText("8% cashback on all business spend", "商業消費8%現金回贈"),
                new LocalizedText("For holders of the ESG One Scorecard Gold 2026 badge: 8% back on card spend for six months.",
                        "持有「ESG One 記分卡 — 金級 2026」電子徽章的企業：六個月內商業卡消費可享8%現金回贈。"),
                new LocalizedText("Cashback capped at HK$5,000 per month.", "每月現金回贈上限為港幣5,000元。"),
                OfferCategory.BANKING_AND_FINANCE, from, until, 100, 1, new EligibilityRule(GOLD_ACHIEVEMENT, null, List.of()),
                RedemptionMethod.LINK, "https://partner.example/esg-one/cashback?ref={code}"), now.minusSeconds(30), List.of()));
        List<CodeCsv.Row> codes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            codes.add(new CodeCsv.Row(i, "GREENFREIGHT-%04d".formatted(i)));
        }
        all.add(offer("off-demo-freight-500", PARTNER_2, new OfferDefinition(OfferType.FIXED_DISCOUNT, new BigDecimal("500"), "HKD",
                new LocalizedText("HK$500 off your first green freight booking", "首次綠色貨運預約減HK$500"),
                new LocalizedText("Low-emission cross-boundary trucking between Hong Kong and the Greater Bay Area.",
                        "香港與大灣區之間的低排放跨境貨運服務。"),
                new LocalizedText("Bookings of HK$3,000 or more.", "適用於港幣3,000元或以上的預約。"),
                OfferCategory.LOGISTICS, from, until, 20, 2, new EligibilityRule(null, null, List.of()),
                RedemptionMethod.CODE_POOL, null), now.minusSeconds(20), codes));
        all.add(offer("off-demo-carbon-trial", PARTNER_2, new OfferDefinition(OfferType.FREE_SERVICE_OR_TRIAL, null, "HKD",
                new LocalizedText("3-month free trial of carbon accounting software", "碳核算軟件免費試用三個月"),
                new LocalizedText("Measure Scope 1, 2 and 3 emissions and prepare ISSB-aligned disclosures.",
                        "計算範圍一、二及三排放，並準備符合ISSB的披露。"),
                new LocalizedText("Up to 5 users during the trial.", "試用期間最多5名用戶。"),
                OfferCategory.SOFTWARE_AND_DIGITAL, from, until, 200, 1, new EligibilityRule(null, null, List.of()),
                RedemptionMethod.UNIQUE_CODE, null), now.minusSeconds(10), List.of()));
        return Flux.concat(all).then().doOnSuccess(v -> log.info("Demo offers are in place"));
    }

    private Mono<Void> offer(String id, String partnerId, OfferDefinition d, Instant listedAt, List<CodeCsv.Row> codes) {
        OfferDocument offer = new OfferDocument(id, partnerId, d.type(), d.value(), d.currency(), d.title(), d.description(), d.terms(),
                d.category(), d.validFrom(), d.validUntil(), d.quota(), d.quota(), d.perCompanyLimit(),
                OfferDocument.Eligibility.of(d.eligibility()), d.redemptionMethod(), d.redemptionLink(), OfferStatus.PUBLISHED, null,
                d.searchText(), listedAt, listedAt, listedAt, listedAt, listedAt, null, Map.of());
        return offers.insert(offer)
                .flatMap(inserted -> codes.isEmpty() ? Mono.<Void>empty() : codePool.importAll(id, codes).then())
                .onErrorResume(MongoErrors::isDuplicateKey, e -> Mono.empty())
                .then();
    }
}
