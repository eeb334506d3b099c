package hk.esgone.web.assessment.web;

import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.web.support.FakeServices;

/**
 * assessment-service's answers as its API shapes them (assessment-service/.../answering/web/AssessmentViews.java,
 * catalogue/DomainForms.describe, scoring/ScoreCard, carbon/CarbonFootprint), for the portal's page tests: a
 * questionnaire with one question of every type, a draft of the SME's company, and a submitted one with its scorecard.
 */
final class AssessmentFixtures {

    static final String ID = "asm-draft0000001";
    static final String DONE = "asm-done00000001";
    static final String BASE = "/api/v1/assessments";

    private AssessmentFixtures() {
    }

    static final String QUESTIONNAIRE = """
            {"key":"hk-sme","version":1,"title":{"en":"ESG self-assessment for Hong Kong SMEs","zhHant":"香港中小企ESG自我評估"},
             "industry":"C","sizeBand":"SMALL","sections":[
              {"code":"E","title":{"en":"Environmental","zhHant":"環境"},"topics":[
                {"code":"E-EMISSIONS","title":{"en":"Emissions","zhHant":"排放物"},"hkex":["A1"],"vsme":["B3"],"questions":[
                  {"id":"E01","type":"YES_NO","text":{"en":"Do you keep records of the fuel your company burns?","zhHant":"貴公司有否記錄所使用的燃料？"},
                   "help":{"en":"Fuel receipts are enough.","zhHant":"燃料收據已足夠。"},"example":null,"unit":null,"period":null,"choices":[],
                   "industries":[],"sizeBands":[],"evidenceAllowed":true},
                  {"id":"E02","type":"NUMBER","text":{"en":"Diesel used in the reporting year","zhHant":"報告年度內使用的柴油量"},
                   "help":{"en":"Include company vans.","zhHant":"包括公司客貨車。"},
                   "example":{"en":"A van filling 60 litres a week uses about 3,100 litres a year.","zhHant":"一輛客貨車一年約用3,100公升。"},
                   "unit":"litres","period":"year","choices":[],"industries":[],"sizeBands":[],"evidenceAllowed":false},
                  {"id":"E06","type":"SINGLE_CHOICE","text":{"en":"Which refrigerant do most of your air-conditioners use?","zhHant":"貴公司大部分冷氣機使用哪種雪種？"},
                   "help":null,"example":null,"unit":null,"period":null,
                   "choices":[{"code":"R22","label":{"en":"R-22","zhHant":"R-22"}},{"code":"R32","label":{"en":"R-32 refrigerant","zhHant":"R-32雪種"}}],
                   "industries":[],"sizeBands":[],"evidenceAllowed":false}]}]},
              {"code":"S","title":{"en":"Social","zhHant":"社會"},"topics":[
                {"code":"S-EMPLOYMENT","title":{"en":"Employment","zhHant":"僱傭"},"hkex":["B1"],"vsme":["B8"],"questions":[
                  {"id":"S01","type":"PERCENTAGE","text":{"en":"Share of women among your employees","zhHant":"女性僱員佔全體僱員的比例"},
                   "help":{"en":"At the end of the reporting year.","zhHant":"以報告年度年底計算。"},"example":null,"unit":null,"period":null,
                   "choices":[],"industries":[],"sizeBands":[],"evidenceAllowed":false},
                  {"id":"S06","type":"MULTIPLE_CHOICE","text":{"en":"Which benefits do you offer beyond the Employment Ordinance?","zhHant":"貴公司提供哪些《僱傭條例》以外的福利？"},
                   "help":{"en":"Tick all that apply.","zhHant":"可選多項。"},"example":null,"unit":null,"period":null,
                   "choices":[{"code":"MEDICAL","label":{"en":"Medical insurance","zhHant":"醫療保險"}},{"code":"FLEXIBLE","label":{"en":"Flexible hours","zhHant":"彈性工作時間"}}],
                   "industries":[],"sizeBands":[],"evidenceAllowed":false}]}]},
              {"code":"G","title":{"en":"Governance","zhHant":"管治"},"topics":[
                {"code":"G-ETHICS","title":{"en":"Business ethics","zhHant":"商業道德"},"hkex":["B7"],"vsme":["B11"],"questions":[
                  {"id":"G05","type":"TEXT","text":{"en":"Describe how you prevent bribery","zhHant":"請描述貴公司如何防止賄賂"},
                   "help":{"en":"A few sentences are enough.","zhHant":"數句已足夠。"},"example":null,"unit":null,"period":null,
                   "choices":[],"industries":[],"sizeBands":[],"evidenceAllowed":false}]}]}]}""";

    static String assessment(String id, String company, String status, String answers) {
        return """
                {"id":"%s","companyId":"%s","year":2026,"industry":"C","sizeBand":"SMALL","status":"%s",
                 "questionnaire":{"key":"hk-sme","version":1},
                 "progress":{"answered":2,"applicable":6,"sections":[{"section":"E","answered":1,"applicable":3},
                   {"section":"S","answered":1,"applicable":2},{"section":"G","answered":0,"applicable":1}]},
                 "answers":[%s],"createdAt":"2026-11-01T02:00:00Z","updatedAt":"2026-11-02T06:32:00Z","submittedAt":null}"""
                .formatted(id, company, status, answers);
    }

    /** E01 answered yes (revision 2), S06 medical insurance (revision 1). */
    static final String ANSWERS = """
            {"questionId":"E01","value":true,"unit":null,"notApplicable":false,"reason":null,"evidence":null,"revision":2,"cleared":false,"updatedAt":"2026-11-02T06:30:00Z"},
            {"questionId":"S06","value":["MEDICAL"],"unit":null,"notApplicable":false,"reason":null,"evidence":null,"revision":1,"cleared":false,"updatedAt":"2026-11-02T06:31:00Z"}""";

    static final String DRAFT = assessment(ID, TestKeycloak.SUPPLIER_ORG, "DRAFT", ANSWERS);

    static String savedAnswer(String questionId, String value, long revision) {
        return """
                {"questionId":"%s","value":%s,"unit":null,"notApplicable":false,"reason":null,"evidence":null,"revision":%d,
                 "cleared":false,"updatedAt":"2026-11-02T06:32:00Z"}""".formatted(questionId, value, revision);
    }

    static final String SCORECARD = """
            {"assessmentId":"asm-done00000001","companyId":"cmp-demo-supplier","year":2025,"questionnaire":{"key":"hk-sme","version":1},
             "submittedAt":"2025-12-01T03:00:00Z","scorecard":{"year":2025,
              "score":{"questionnaireKey":"hk-sme","questionnaireVersion":1,"weightRow":"C","overall":61.4,"level":"SILVER",
               "levelRule":{"en":"GOLD needs an overall score of at least 70 and every pillar at least 55; the overall is 61.4, so SILVER.",
                            "zhHant":"金級須整體分數最少70分及每個範疇最少55分；整體分數為61.4，因此為銀級。"},
               "pillars":[{"pillar":"E","score":52.5,"weight":0.40,"scored":true},{"pillar":"S","score":70.0,"weight":0.30,"scored":true},
                          {"pillar":"G","score":64.3,"weight":0.30,"scored":true}],
               "topics":[{"code":"E-EMISSIONS","pillar":"E","earned":7,"possible":12,"weight":1,"score":58.3},
                         {"code":"S-EMPLOYMENT","pillar":"S","earned":7,"possible":10,"weight":1,"score":70.0},
                         {"code":"G-ETHICS","pillar":"G","earned":2,"possible":4,"weight":1,"score":50.0}],
               "questions":[{"questionId":"E01","topic":"E-EMISSIONS","points":4,"max":4,"outcome":"SCORED","why":{"en":"Records are kept: 4 points","zhHant":"有記錄：4分"}},
                            {"questionId":"E02","topic":"E-EMISSIONS","points":3,"max":4,"outcome":"CAPPED","why":{"en":"Measured, evidence not yet checked: capped at 3","zhHant":"已量度，證明尚未核實：最多3分"}},
                            {"questionId":"S06","topic":"S-EMPLOYMENT","points":2,"max":4,"outcome":"SCORED","why":{"en":"One benefit: 2 points","zhHant":"一項福利：2分"}},
                            {"questionId":"G05","topic":"G-ETHICS","points":2,"max":4,"outcome":"SCORED","why":{"en":"Described: 2 points","zhHant":"已描述：2分"}}]},
              "carbon":{"factorSet":"hk-2025","lines":[
                 {"input":"DIESEL","questionId":"E02","activity":{"en":"Diesel","zhHant":"柴油"},"scope":1,"amount":3100,"unit":"litres",
                  "factorId":"diesel-mobile","kgCo2ePerUnit":2.614,"factorSource":"EPD/EMSD Guidelines 2010","kgCo2e":8103.4},
                 {"input":"ELECTRICITY_CLP","questionId":"E10","activity":{"en":"Electricity (CLP Power)","zhHant":"電力（中華電力）"},"scope":2,
                  "amount":52000,"unit":"kWh","factorId":"clp-2024","kgCo2ePerUnit":0.39,"factorSource":"CLP Sustainability Report 2024","kgCo2e":20280.0}],
               "scope1Kg":8103.4,"scope2Kg":20280.0,"totalKg":28383.4,"scope1Tonnes":8.103,"scope2Tonnes":20.280,"totalTonnes":28.383,
               "tonnesPerEmployee":1.419,"tonnesPerMillionHkd":null,
               "notes":[{"en":"Revenue was not given, so there is no intensity per HK$ million.","zhHant":"沒有提供收入，因此未有計算每百萬港元的強度。"}]}}}""";

    /** The questionnaire, the draft and the directory profile of the SME's company. */
    static void draft(FakeServices services) {
        services.json(BASE + "/questionnaire", QUESTIONNAIRE);
        services.json(BASE + "/" + ID, DRAFT);
    }
    /**
     * The benchmark of {@link #DONE} (benchmark/web/BenchmarkController.BenchmarkView): enough peers in its industry,
     * too few in its industry and size band.
     */
    static final String BENCHMARK = """
            {"assessmentId":"asm-done00000001","companyId":"cmp-demo-supplier","year":2025,"questionnaireKey":"hk-sme","industry":"C",
             "sizeBand":"SMALL","submittedAt":"2025-12-01T03:00:00Z","minimumPeers":10,"groups":[
              {"scope":"INDUSTRY","industry":"C","sizeBand":null,"enoughPeers":true,"figures":[
                {"figure":"E","value":52.5,"percentile":35.0,"lowerIsBetter":false},
                {"figure":"S","value":70.0,"percentile":81.3,"lowerIsBetter":false},
                {"figure":"G","value":64.3,"percentile":50.0,"lowerIsBetter":false},
                {"figure":"OVERALL","value":61.4,"percentile":72.5,"lowerIsBetter":false},
                {"figure":"CARBON_INTENSITY","value":1.419,"percentile":64.0,"lowerIsBetter":true}],"notes":[]},
              {"scope":"INDUSTRY_AND_SIZE","industry":"C","sizeBand":"SMALL","enoughPeers":false,"figures":[],
               "notes":[{"en":"Not enough peers yet: percentiles are shown when at least 10 companies have submitted.",
                         "zhHant":"同業數目不足：須最少有10間公司提交評估，才會顯示百分位。"}]}]}""";

    /**
     * The improvement plan of {@link #DONE} (plan/web/PlanController.PlanView): Emissions with providers found and offers
     * UNAVAILABLE; Business ethics with no solution category and two offers.
     */
    static final String PLAN = """
            {"assessmentId":"asm-done00000001","companyId":"cmp-demo-supplier","year":2025,"weakTopicBelow":60,"topics":[
              {"topic":"G-ETHICS","title":{"en":"Business ethics","zhHant":"商業道德"},"pillar":"G","score":50.0,
               "recommendation":{"en":"Adopt a one-page anti-corruption policy and brief every employee on it.","zhHant":"採用一頁的反貪污政策，並向每名僱員講解。"},
               "steps":[{"questionId":"G05","question":{"en":"Describe how you prevent bribery","zhHant":"請描述貴公司如何防止賄賂"},"points":2,"max":4,
                 "outcome":"SCORED","step":{"en":"Use the ICAC sample code of conduct for SMEs.","zhHant":"參考廉政公署為中小企提供的行為守則範本。"}}],
               "solutionCategory":null,"providers":null,"offerCategory":"TRAINING","offers":{"status":"AVAILABLE","items":[
                 {"id":"off-ethics-course1","partnerId":"cmp-demo-partner","title":{"en":"Ethics training for SMEs","zhHant":"中小企道德培訓"},"type":"DISCOUNT_PERCENT","value":20,"currency":null},
                 {"id":"../../internal","partnerId":"cmp-demo-partner","title":{"en":"Odd id","zhHant":"怪id"},"type":"DISCOUNT_PERCENT","value":5,"currency":null}]}},
              {"topic":"E-EMISSIONS","title":{"en":"Emissions","zhHant":"排放物"},"pillar":"E","score":58.3,
               "recommendation":{"en":"Start a simple carbon inventory from a year of fuel receipts and electricity bills.","zhHant":"先根據一年的燃料收據及電費單建立簡單的碳排放清單。"},
               "steps":[{"questionId":"E02","question":{"en":"Diesel used in the reporting year","zhHant":"報告年度內使用的柴油量"},"points":3,"max":4,
                 "outcome":"CAPPED","step":{"en":"Attach the diesel receipts so that the figure can be checked.","zhHant":"附上柴油收據，以便核實數字。"}}],
               "solutionCategory":"CARBON_ACCOUNTING","providers":{"status":"AVAILABLE","items":[
                 {"id":"cmp-green-audit","name":{"en":"Green Audit Ltd","zhHant":"綠色審計有限公司"}}]},
               "offerCategory":"CONSULTING_AND_CERTIFICATION","offers":{"status":"UNAVAILABLE","items":[]}}]}""";

    /** The directory's taxonomies (the shared fixture: the portal caches them for the whole test run). */
    static final String TAXONOMIES = hk.esgone.web.support.Fixtures.TAXONOMIES;

    /** The public industry insight (benchmark/InsightService.Insights) for manufacturing in 2025. */
    static final String INSIGHTS = """
            {"questionnaireKey":"hk-sme","industry":"C","sizeBand":null,"year":2025,"minimumPeers":10,"enoughPeers":true,"notes":[],"practices":[
              {"questionId":"E01","section":"E","percent":64,"sentence":{"en":"64% keep records of the fuel they burn","zhHant":"64% 有記錄所使用的燃料"}},
              {"questionId":"G03","section":"G","percent":73,"sentence":{"en":"73% have an anti-corruption policy","zhHant":"73% 設有反貪污政策"}}]}""";

    static final String INSIGHTS_TOO_FEW = """
            {"questionnaireKey":"hk-sme","industry":"F","sizeBand":"MICRO","year":2025,"minimumPeers":10,"enoughPeers":false,
             "notes":[{"en":"Not enough peers yet","zhHant":"同業數目不足"}],"practices":[]}""";

    /**
     * The published versions (catalogue/web/QuestionnaireController.VersionList): version 12 current, 11 earlier (numbers
     * no other test reads, so the portal's cache of questionnaires holds neither).
     */
    static final String VERSIONS = """
            {"items":[{"key":"hk-sme","version":12,"publishedAt":"2026-11-20T02:00:00Z","publishedBy":"kc-admin","current":true},
                      {"key":"hk-sme","version":11,"publishedAt":"2026-01-05T01:30:00Z","publishedBy":"seed","current":false}]}""";
}
