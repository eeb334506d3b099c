package hk.esgone.web.support;

/** Service answers shaped as the API contracts (docs/openapi), shared by the page tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static final String COMPANY = """
            {"id":"cmp-green-pack","status":"PUBLISHED","kind":"SUPPLIER","kindLabel":{"en":"Supplier","zhHant":"供應商"},
             "name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"},
             "description":{"en":"Recycled-paper boxes made in Dongguan.","zhHant":"東莞製造的再造紙盒。"},
             "industry":{"code":"C","label":{"en":"Manufacturing","zhHant":"製造業"}},
             "sector":{"code":"C17","label":{"en":"Paper products","zhHant":"紙製品"}},
             "sizeBand":{"code":"SMALL","label":{"en":"Small (10-49 employees)","zhHant":"小型（10至49名僱員）"}},
             "locations":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"}}],
             "certifications":[
               {"code":"ISO_14001","label":{"en":"ISO 14001","zhHant":"ISO 14001"},"number":"EMS-1","issuer":"HKQAA","validUntil":"2028-01-29","valid":true},
               {"code":"ISO_50001","label":{"en":"ISO 50001","zhHant":"ISO 50001"},"number":"EN-9","issuer":"SGS","validUntil":"2024-01-01","valid":false}],
             "badges":[{"id":"bdg-green-pack-esg","achievementId":"ach-esg-one","name":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"},
               "status":"VALID","valid":true,"validUntil":"2027-12-05T00:00:00Z"}],
             "scorecard":{"environmental":78,"social":72,"governance":80,"overall":77,"level":"GOLD",
               "levelLabel":{"en":"Gold","zhHant":"金級"},"assessedAt":"2026-11-15T00:00:00Z"},
             "benchmark":{"industry":{"industry":"C","peers":634,"percentiles":{"environmental":90,"social":77,"governance":95,"overall":98}}},
             "solutions":[],
             "contact":{"name":"Ms Chan","email":"hello@green-pack.example.hk","phone":"+852 2100 0000"},
             "website":"https://green-pack.example.hk","lastVerifiedAt":"2026-12-01T02:00:00Z"}""";

    /**
     * The directory's taxonomies. The portal caches them for minutes in one application context, so every test that
     * serves them serves this one answer (a test with a smaller set would change what later tests' forms offer).
     */
    public static final String TAXONOMIES = """
            {"kinds":[{"code":"SUPPLIER","label":{"en":"Supplier","zhHant":"供應商"},"active":true},
                      {"code":"SERVICE_PROVIDER","label":{"en":"Environmental technology service provider","zhHant":"環境技術服務供應商"},"active":true}],
             "industries":[{"code":"C","label":{"en":"Manufacturing","zhHant":"製造業"},"active":true},
                           {"code":"F","label":{"en":"Construction","zhHant":"建造業"},"active":true},
                           {"code":"Z","label":{"en":"Retired industry","zhHant":"已停用"},"active":false}],
             "certifications":[{"code":"ISO_14001","label":{"en":"ISO 14001","zhHant":"ISO 14001 環境管理"},"active":true},
                               {"code":"ISO_50001","label":{"en":"ISO 50001","zhHant":"ISO 50001 能源管理"},"active":true}],
             "sizeBands":[{"code":"SMALL","label":{"en":"10–49 staff","zhHant":"10–49 名員工"},"active":true}],
             "sectors":[{"code":"METAL","label":{"en":"Metal products","zhHant":"金屬製品"},"active":true}],
             "solutionCategories":[{"code":"CARBON_ACCOUNTING","label":{"en":"Carbon accounting","zhHant":"碳核算"},"active":true}],
             "locations":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"},"group":"HK_DISTRICT","active":true},
                          {"code":"SHENZHEN","label":{"en":"Shenzhen","zhHant":"深圳"},"group":"GBA_CITY","active":true},
                          {"code":"ODD","label":{"en":"<img src=x onerror=alert(1)>","zhHant":"奇"},"group":"MOON","active":true}]}""";

    public static String company(String id, String englishName) {
        return COMPANY.replace("cmp-green-pack", id).replace("Green Pack Ltd", englishName);
    }

    public static final String SEARCH = """
            {"items":[{"id":"cmp-green-pack","kind":"SUPPLIER","kindLabel":{"en":"Supplier","zhHant":"供應商"},
               "name":{"en":"Green Pack Ltd","zhHant":"綠色包裝有限公司"},
               "industry":{"code":"C","label":{"en":"Manufacturing","zhHant":"製造業"}},
               "locations":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"}}],
               "certifications":[{"code":"ISO_14001","label":{"en":"ISO 14001","zhHant":"ISO 14001"},"valid":true}],
               "badges":[{"id":"bdg-green-pack-esg","name":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"},"valid":true}],
               "scorecard":{"overall":77,"levelLabel":{"en":"Gold","zhHant":"金級"}},
               "highlights":{"name.zhHant":["<em>綠色</em><em>包裝</em>有限公司"],
                             "description.en":["Boxes &amp; trays, <em>green</em> packaging"]}}],
             "total":{"value":1,"relation":"eq"},"limit":20,"sort":"relevance",
             "facets":{"industry":[{"code":"C","label":{"en":"Manufacturing","zhHant":"製造業"},"count":1,"selected":false}],
                       "location":[{"code":"KWUN_TONG","label":{"en":"Kwun Tong","zhHant":"觀塘"},"count":1,"selected":false}],
                       "badge":[{"code":"ach-esg-one","label":{"en":"ESG One e-Badge","zhHant":"ESG One 電子徽章"},"count":1,"selected":false}]},
             "nextCursor":"CURSOR-2"}""";

    public static final String EMPTY_SEARCH = """
            {"items":[],"total":{"value":0,"relation":"eq"},"limit":20,"sort":"relevance","facets":{}}""";

    public static final String OFFER = """
            {"id":"off-green-freight","partnerId":"cmp-demo-partner","type":"FIXED_DISCOUNT","value":500,"currency":"HKD",
             "title":{"en":"HK$500 off green freight","zhHant":"綠色貨運減HK$500"},
             "description":{"en":"Low-emission trucking.","zhHant":"低排放貨運。"},
             "terms":{"en":"Bookings of HK$3,000 or more.","zhHant":"適用於港幣3,000元或以上的預約。"},
             "category":"LOGISTICS","validFrom":"2026-12-01T00:00:00Z","validUntil":"2027-12-01T00:00:00Z",
             "quota":20,"remaining":12,"perCompanyLimit":2,"soldOut":false,"redemptionMethod":"UNIQUE_CODE",
             "eligibility":{"requiredAchievementId":"ach-esg-one","minScorecardLevel":null,"industries":[]}}""";
}
