package hk.esgone.directory.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hk.esgone.directory.support.Bilingual;

/**
 * The taxonomies a new directory starts with. Inserted when missing, never overwriting what an admin
 * changed. Sources: HSIC v2.0 sections (Census and Statistics Department), the eight target sectors of
 * the Cleaner Production Partnership Programme, the 18 districts and the Greater Bay Area cities.
 */
final class TaxonomySeed {

    private TaxonomySeed() {
    }

    static Map<TaxonomyType, List<TaxonomyEntry>> all() {
        Map<TaxonomyType, List<TaxonomyEntry>> all = new LinkedHashMap<>();
        all.put(TaxonomyType.INDUSTRIES, list(null,
                "A", "Agriculture, forestry and fishing", "農業、林業及漁業",
                "B", "Mining and quarrying", "採礦及採石業",
                "C", "Manufacturing", "製造業",
                "D", "Electricity and gas supply", "電力及燃氣供應",
                "E", "Water supply; sewerage, waste management and remediation activities", "自來水供應；污水處理、廢棄物管理及污染防治活動",
                "F", "Construction", "建造業",
                "G", "Import/export, wholesale and retail trades", "進出口貿易、批發及零售業",
                "H", "Transportation, storage, postal and courier services", "運輸、倉庫、郵政及速遞服務",
                "I", "Accommodation and food service activities", "住宿及膳食服務活動",
                "J", "Information and communications", "資訊及通訊",
                "K", "Financial and insurance activities", "金融及保險活動",
                "L", "Real estate activities", "地產活動",
                "M", "Professional, scientific and technical activities", "專業、科學及技術活動",
                "N", "Administrative and support service activities", "行政及支援服務活動",
                "O", "Public administration", "公共行政",
                "P", "Education", "教育",
                "Q", "Human health and social work activities", "人類保健及社會工作活動",
                "R", "Arts, entertainment and recreation", "藝術、娛樂及康樂活動",
                "S", "Other service activities", "其他服務活動",
                "T", "Activities of households as employers and undifferentiated goods and services producing activities of households for own use", "家庭住戶的僱主活動及住戶自用生產活動",
                "U", "Activities of extraterritorial organisations and bodies", "國際組織及機構的活動"));
        all.put(TaxonomyType.SECTORS, list(null,
                "TEXTILES", "Textiles", "紡織業",
                "NON_METALLIC_MINERAL", "Non-metallic mineral products", "非金屬礦產製品業",
                "METAL", "Metal and metal products", "金屬和金屬製品業",
                "FOOD_BEVERAGE", "Food and beverage", "食品和飲品製造業",
                "CHEMICAL", "Chemical products", "化學製品業",
                "PRINTING_PUBLISHING", "Printing and publishing", "印刷和出版業",
                "FURNITURE", "Furniture", "傢具製造業",
                "PAPER", "Paper and paper products", "造紙和紙品製造業"));
        List<TaxonomyEntry> locations = new ArrayList<>(list("HK_DISTRICT",
                "CENTRAL_AND_WESTERN", "Central and Western", "中西區",
                "WAN_CHAI", "Wan Chai", "灣仔區",
                "EASTERN", "Eastern", "東區",
                "SOUTHERN", "Southern", "南區",
                "YAU_TSIM_MONG", "Yau Tsim Mong", "油尖旺區",
                "SHAM_SHUI_PO", "Sham Shui Po", "深水埗區",
                "KOWLOON_CITY", "Kowloon City", "九龍城區",
                "WONG_TAI_SIN", "Wong Tai Sin", "黃大仙區",
                "KWUN_TONG", "Kwun Tong", "觀塘區",
                "KWAI_TSING", "Kwai Tsing", "葵青區",
                "TSUEN_WAN", "Tsuen Wan", "荃灣區",
                "TUEN_MUN", "Tuen Mun", "屯門區",
                "YUEN_LONG", "Yuen Long", "元朗區",
                "NORTH", "North", "北區",
                "TAI_PO", "Tai Po", "大埔區",
                "SHA_TIN", "Sha Tin", "沙田區",
                "SAI_KUNG", "Sai Kung", "西貢區",
                "ISLANDS", "Islands", "離島區"));
        List<TaxonomyEntry> cities = list("GBA_CITY",
                "SHENZHEN", "Shenzhen", "深圳",
                "DONGGUAN", "Dongguan", "東莞",
                "GUANGZHOU", "Guangzhou", "廣州",
                "FOSHAN", "Foshan", "佛山",
                "HUIZHOU", "Huizhou", "惠州",
                "ZHONGSHAN", "Zhongshan", "中山",
                "JIANGMEN", "Jiangmen", "江門",
                "ZHAOQING", "Zhaoqing", "肇慶",
                "ZHUHAI", "Zhuhai", "珠海",
                "MACAO", "Macao", "澳門");
        for (TaxonomyEntry city : cities) {
            locations.add(new TaxonomyEntry(city.code(), city.label(), city.group(), locations.size() + 1, true, null));
        }
        all.put(TaxonomyType.LOCATIONS, locations);
        all.put(TaxonomyType.CERTIFICATIONS, list(null,
                "ISO_14001", "ISO 14001 environmental management", "ISO 14001 環境管理體系",
                "ISO_14064_1", "ISO 14064-1 greenhouse gas inventory", "ISO 14064-1 溫室氣體盤查",
                "ISO_50001", "ISO 50001 energy management", "ISO 50001 能源管理體系",
                "ISO_45001", "ISO 45001 occupational health and safety", "ISO 45001 職業健康安全管理體系",
                "SBTI", "SBTi validated target", "科學基礎減碳目標倡議（SBTi）認可目標",
                "GRI", "GRI-referenced sustainability report", "參照GRI準則的可持續發展報告",
                "ISSB", "ISSB (IFRS S1/S2) aligned report", "符合ISSB（IFRS S1/S2）的報告",
                "HK_GREEN_LABEL", "Hong Kong Green Label", "香港綠色標籤",
                "CARBONCARE_LABEL", "CarbonCare Label", "低碳關懷標籤",
                "BEAM_PLUS", "BEAM Plus", "綠建環評"));
        all.put(TaxonomyType.SOLUTION_CATEGORIES, list(null,
                "ENERGY_SAVING", "Energy saving", "節約能源",
                "WASTE_HEAT_RECOVERY", "Waste-heat recovery", "廢熱回收",
                "VOC_REDUCTION", "VOC reduction", "減少揮發性有機化合物排放",
                "WASTEWATER_REUSE", "Wastewater treatment and reuse", "污水處理及循環再用",
                "RENEWABLE_ENERGY", "Renewable energy", "可再生能源",
                "CIRCULAR_MATERIALS", "Circular materials", "循環物料",
                "CARBON_ACCOUNTING", "Carbon accounting", "碳核算",
                "DIGITAL_SOLUTIONS", "Digital solutions", "數碼方案"));
        // the assessment's levels (assessment-service decides a scorecard's level; its rules add every-pillar minimums
        // of 35/55/70 for SILVER/GOLD/PLATINUM): these overall minimums only serve scorecards entered in the directory
        all.put(TaxonomyType.SCORECARD_LEVELS, List.of(
                new TaxonomyEntry("BRONZE", Bilingual.of("Bronze", "銅級"), null, 1, true, 0),
                new TaxonomyEntry("SILVER", Bilingual.of("Silver", "銀級"), null, 2, true, 50),
                new TaxonomyEntry("GOLD", Bilingual.of("Gold", "金級"), null, 3, true, 70),
                new TaxonomyEntry("PLATINUM", Bilingual.of("Platinum", "鉑金級"), null, 4, true, 85)));
        all.put(TaxonomyType.SIZE_BANDS, list(null,
                "MICRO", "Micro (1-9 employees)", "微型（1至9名僱員）",
                "SMALL", "Small (10-49 employees)", "小型（10至49名僱員）",
                "MEDIUM", "Medium (50-99 employees)", "中型（50至99名僱員）",
                "LARGE", "Large (100 or more employees)", "大型（100名或以上僱員）"));
        return all;
    }

    private static List<TaxonomyEntry> list(String group, String... codeEnZh) {
        List<TaxonomyEntry> entries = new ArrayList<>();
        for (int i = 0; i < codeEnZh.length; i += 3) {
            entries.add(new TaxonomyEntry(codeEnZh[i], Bilingual.of(codeEnZh[i + 1], codeEnZh[i + 2]), group, i / 3 + 1, true, null));
        }
        return entries;
    }
}
