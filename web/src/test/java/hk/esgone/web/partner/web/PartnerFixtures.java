package hk.esgone.web.partner.web;

import hk.esgone.web.support.FakeServices;

/**
 * offers-service's answers about the partner's offers, shaped as its API contract (docs/openapi/offers-service.json).
 * One title is as long as real ones are: the pages list titles in filters and tables that must still fit a phone.
 */
final class PartnerFixtures {

    static final String OFFERS = "/api/v1/offers/partner/offers";
    static final String GREEN = OFFERS + "/off-green-loan";
    static final String CLAIMS = "/api/v1/offers/partner/claims";

    private PartnerFixtures() {
    }

    static void offers(FakeServices services) {
        String green = """
                {"id":"off-green-loan","partnerId":"cmp-demo-partner","type":"PERCENTAGE_DISCOUNT","value":10,
                 "title":{"en":"Green loan rebate","zhHant":"綠色貸款回贈"},"category":"BANKING_AND_FINANCE","quota":100,"remaining":55,
                 "perCompanyLimit":1,"eligibility":{},"redemption":{"method":"CODE_POOL"},"status":"PUBLISHED",
                 "codePool":{"available":40,"assigned":45,"voided":0,"lowStock":true,"shortfall":15}}""";
        String freight = """
                {"id":"off-freight","partnerId":"cmp-demo-partner","type":"FIXED_DISCOUNT","value":500,"currency":"HKD",
                 "title":{"en":"HK$500 off cross-border freight between Hong Kong and the Greater Bay Area","zhHant":"香港與大灣區跨境貨運即減港幣五百元"},"category":"LOGISTICS","quota":50,"remaining":50,"perCompanyLimit":2,
                 "eligibility":{},"redemption":{"method":"LINK","link":"https://example.test/{code}"},"status":"PUBLISHED"}""";
        services.json(GREEN, green);
        services.json(OFFERS + "/off-freight", freight);
        services.json(OFFERS, "{\"items\":[" + green + "," + freight + "],\"nextCursor\":null}");
    }
}
