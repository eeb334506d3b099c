package hk.esgone.directory.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import hk.esgone.directory.company.Company;
import hk.esgone.directory.company.Company.Certification;
import hk.esgone.directory.company.Company.Contact;
import hk.esgone.directory.company.Company.Profile;
import hk.esgone.directory.company.Company.Provisioning;
import hk.esgone.directory.company.Company.ProvisioningState;
import hk.esgone.directory.company.Company.Registration;
import hk.esgone.directory.company.Company.Scorecard;
import hk.esgone.directory.company.Company.Solution;
import hk.esgone.directory.company.CompanyKind;
import hk.esgone.directory.company.CompanyStatus;
import hk.esgone.directory.support.Bilingual;
import hk.esgone.platform.ids.RegistrationNumbers;

/**
 * Realistic bilingual demo companies, deterministic: company {@code i} depends only on the seed, {@code i}
 * and the reference date (which anchors certificate and assessment dates, so "still valid" stays true
 * whenever the data is loaded). The same seed gives the same directory at any size, so a benchmark with
 * 100,000 companies contains the 2,000 of the demo.
 */
public final class DemoCompanyGenerator {

    public static final String DEMO_SUPPLIER = "cmp-demo-supplier";
    public static final String DEMO_SUPPLIER_2 = "cmp-demo-supplier-2";
    public static final String DEMO_PARTNER = "cmp-demo-partner";
    public static final String DEMO_PARTNER_2 = "cmp-demo-partner-2";
    public static final String DEMO_SERVICE_PROVIDER = "cmp-demo-energy-solutions";

    private static final long BR_SPACE = 90_000_000L;
    private static final String[] LEVEL_ORDER = {"BRONZE", "SILVER", "GOLD", "PLATINUM"};
    /** The assessment's overall minimums (assessment-service scoring/hk-sme-v1.json), as the taxonomy's seed. */
    private static final int[] LEVEL_THRESHOLDS = {0, 50, 70, 85};

    private final long seed;
    private final LocalDate referenceDate;
    private final Instant reference;

    public DemoCompanyGenerator(long seed, LocalDate referenceDate) {
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.reference = referenceDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The fixed demo companies (published), then {@code count - fixed} generated ones. */
    public List<Company> companies(int count) {
        List<Company> all = new ArrayList<>(fixed());
        for (int i = 0; all.size() < count; i++) {
            all.add(generated(i));
        }
        return all.size() > count ? all.subList(0, count) : all;
    }

    // ------------------------------------------------------------------ fixed demo companies

    public List<Company> fixed() {
        return List.of(
                fixedCompany(DEMO_SUPPLIER, 0, CompanyKind.SUPPLIER,
                        Bilingual.of("Demo Green Packaging Ltd", "示範綠色包裝有限公司"),
                        Bilingual.of("Demo Green Packaging designs and makes recycled-paper boxes, moulded-pulp trays and plastic-free mailers "
                                        + "for exporters and retail brands. Green packaging made in our Dongguan factory, sales office in Kwun Tong.",
                                "示範綠色包裝為出口商及零售品牌設計及生產再造紙盒、紙漿模塑托盤及無塑郵寄袋。綠色包裝方案由東莞廠房生產，觀塘設有銷售辦事處。"),
                        "C", "PAPER", List.of("KWUN_TONG", "DONGGUAN"), "SMALL",
                        List.of(cert("ISO_14001", "HKQAA-EMS-20931", "HKQAA", 420), cert("HK_GREEN_LABEL", "GL-031-0877", "Green Council", 300)),
                        new int[]{78, 72, 80}, List.of()),
                fixedCompany(DEMO_SUPPLIER_2, 1, CompanyKind.SUPPLIER,
                        Bilingual.of("Kwun Tong Precision Metal Works Ltd", "觀塘精密金屬製品有限公司"),
                        Bilingual.of("Precision metal stamping, CNC machining and eco-friendly electroplating for electronics and household "
                                        + "appliance brands. ISO 14001 certified lines in Kwun Tong and Shenzhen; etching solution is recycled in a closed loop.",
                                "為電子及家電品牌提供精密金屬沖壓、數控加工及環保電鍍服務。觀塘及深圳廠房獲ISO 14001認證，蝕刻液以閉環方式循環再用。"),
                        "C", "METAL", List.of("KWUN_TONG", "SHENZHEN"), "MEDIUM",
                        List.of(cert("ISO_14001", "SGS-HK-14001-5521", "SGS Hong Kong", 610), cert("ISO_45001", "SGS-HK-45001-1180", "SGS Hong Kong", 500)),
                        new int[]{64, 58, 66}, List.of()),
                fixedCompany(DEMO_PARTNER, 2, CompanyKind.PARTNER,
                        Bilingual.of("Demo Bank", "示範銀行"),
                        Bilingual.of("Green loans and cashback business accounts for SMEs that complete the ESG One self-assessment.",
                                "為完成「ESG一站通」自我評估的中小企提供綠色貸款及現金回贈商業賬戶。"),
                        "K", null, List.of("CENTRAL_AND_WESTERN"), "LARGE",
                        List.of(cert("ISSB", "ISSB-2025-DB", "Deloitte (limited assurance)", 330), cert("GRI", "GRI-2025-DB", "Self-declared", 330)),
                        new int[]{82, 86, 90}, List.of()),
                fixedCompany(DEMO_PARTNER_2, 3, CompanyKind.PARTNER,
                        Bilingual.of("Second Demo Partner Logistics Ltd", "第二示範伙伴物流有限公司"),
                        Bilingual.of("All-in-one e-commerce logistics: warehousing, pick-and-pack and last-mile delivery with electric vans.",
                                "一站式電子商貿物流：倉儲、揀貨包裝及以電動貨車完成最後一里派送。"),
                        "H", null, List.of("KWAI_TSING", "SHENZHEN"), "MEDIUM",
                        List.of(cert("ISO_14001", "BV-14001-88213", "Bureau Veritas", 200)),
                        new int[]{70, 65, 71}, List.of()),
                fixedCompany(DEMO_SERVICE_PROVIDER, 4, CompanyKind.SERVICE_PROVIDER,
                        Bilingual.of("Demo Energy Saving Solutions Ltd", "示範節能方案有限公司"),
                        Bilingual.of("Energy audits, waste-heat recovery and chiller retrofits for factories in Hong Kong and the Greater Bay Area.",
                                "為香港及大灣區工廠提供能源審核、廢熱回收及冷水機組改造。"),
                        "M", null, List.of("KWUN_TONG", "DONGGUAN", "FOSHAN"), "SMALL",
                        List.of(cert("ISO_50001", "TUV-50001-3302", "TÜV Rheinland", 380)),
                        new int[]{88, 70, 74},
                        List.of(new Solution("ENERGY_SAVING", Bilingual.of("Compressed-air leak survey and VSD retrofit", "壓縮空氣洩漏檢測及變頻改造"),
                                        Bilingual.of("Typical savings of 15-30% of compressor electricity.", "一般可節省壓縮機用電15%至30%。")),
                                new Solution("WASTE_HEAT_RECOVERY", Bilingual.of("Boiler and oven waste-heat recovery", "鍋爐及焗爐廢熱回收"),
                                        Bilingual.of("Recovered heat pre-heats process water.", "回收熱能用於預熱工序用水。")))));
    }

    private record CertSpec(String code, String number, String issuer, int validDays) {
    }

    private static CertSpec cert(String code, String number, String issuer, int validDays) {
        return new CertSpec(code, number, issuer, validDays);
    }

    private Company fixedCompany(String id, int slot, CompanyKind kind, Bilingual name, Bilingual description,
                                         String industry, String sector, List<String> locations, String sizeBand,
                                         List<CertSpec> certs, int[] scores, List<Solution> solutions) {
        String slug = id.substring(4);
        List<Certification> certifications = certs.stream()
                .map(c -> new Certification(c.code(), c.number(), c.issuer(), referenceDate.plusDays(c.validDays()))).toList();
        Profile profile = new Profile(name, description, industry, sector, locations, certifications, solutions,
                "https://www." + slug + ".example.hk", new Contact("Customer service", "hello@" + slug + ".example.hk", "+852 2100 000" + slot),
                null, sizeBand);
        Instant assessed = reference.minusSeconds(86_400L * (20 + slot * 7));
        int overall = Math.round((scores[0] + scores[1] + scores[2]) / 3.0f);
        return base(id, kind, CompanyStatus.PUBLISHED, new Registration(br(BR_SPACE - 1 - slot), null, null), profile)
                .scorecard(new Scorecard(scores[0], scores[1], scores[2], overall, level(overall), assessed))
                .publishedAt(reference.minusSeconds(86_400L * 200))
                .lastVerifiedAt(assessed)
                .build();
    }

    // ------------------------------------------------------------------ generated companies

    private static final DemoTables TABLES = DemoTables.load();

    /** Generated company {@code i}, from its own random stream. */
    public Company generated(int i) {
        Random r = new Random(mix(seed * 1_000_003L + i));
        double kindRoll = r.nextDouble();
        CompanyKind kind = kindRoll < 0.70 ? CompanyKind.SUPPLIER : kindRoll < 0.90 ? CompanyKind.SERVICE_PROVIDER : CompanyKind.PARTNER;

        String industry;
        String sector = null;
        String[] product;
        if (kind == CompanyKind.SUPPLIER && r.nextDouble() < 0.65) {
            industry = "C";
            int s = r.nextInt(TABLES.sectors.length);
            sector = TABLES.sectors[s];
            product = pick(r, TABLES.sectorProducts[s]);
        } else {
            String[] line = pick(r, kind == CompanyKind.SUPPLIER ? TABLES.supplierLines
                    : kind == CompanyKind.SERVICE_PROVIDER ? TABLES.serviceProviderLines : TABLES.partnerLines);
            industry = line[0];
            product = new String[]{line[1], line[2]};
        }

        boolean mainland = "C".equals(industry) && r.nextDouble() < 0.30;
        Set<String> locations = new LinkedHashSet<>();
        String[] gba = TABLES.gbaCities;
        String[] hk = TABLES.hkDistricts;
        String primary = mainland ? gba[r.nextInt(gba.length - 1)] : hk[r.nextInt(hk.length)];
        locations.add(primary);
        int extra = r.nextInt(3);
        for (int k = 0; k < extra; k++) {
            locations.add(r.nextBoolean() ? gba[r.nextInt(gba.length)] : hk[r.nextInt(hk.length)]);
        }

        String[] prefix = pick(r, TABLES.namePrefixes);
        String[] place = r.nextDouble() < 0.25 ? placeName(primary) : null;
        String nameEn = (place != null ? place[0] + " " : "") + prefix[0] + " " + product[0]
                + (mainland ? " (" + placeName(primary)[0] + ") Co., Ltd." : pick(r, new String[]{" Limited", " Company Limited", " (Holdings) Limited", " Industrial Limited"}));
        String nameZh = (place != null ? place[1] : "") + prefix[1] + product[1]
                + (mainland ? "（" + placeName(primary)[1] + "）有限公司" : pick(r, new String[]{"有限公司", "有限公司", "（控股）有限公司", "實業有限公司"}));

        String sizeBand = pickWeighted(r, new String[]{"MICRO", "SMALL", "MEDIUM", "LARGE"}, new double[]{0.30, 0.40, 0.20, 0.10});
        String[] practice1 = pick(r, TABLES.practices);
        String[] practice2 = pick(r, TABLES.practices);
        String[] where = placeName(primary);
        String noun = kind == CompanyKind.SERVICE_PROVIDER ? "environmental technology service provider"
                : kind == CompanyKind.PARTNER ? "business partner" : "C".equals(industry) ? "manufacturer" : "supplier";
        String nounZh = kind == CompanyKind.SERVICE_PROVIDER ? "環境技術服務供應商" : kind == CompanyKind.PARTNER ? "商業伙伴"
                : "C".equals(industry) ? "製造商" : "供應商";
        String descriptionEn = nameEn + " is a " + sizeBand.toLowerCase(Locale.ROOT) + " " + product[0].toLowerCase(Locale.ROOT) + " "
                + noun + " based in " + where[0] + ". " + practice1[0] + (practice2 != practice1 ? " " + practice2[0] : "");
        String descriptionZh = nameZh + "是位於" + where[1] + "的" + product[1] + nounZh + "。" + practice1[1]
                + (practice2 != practice1 ? practice2[1] : "");

        List<Certification> certifications = new ArrayList<>();
        for (int c = 0; c < TABLES.certificateCodes.length; c++) {
            double odds = "BEAM_PLUS".equals(TABLES.certificateCodes[c]) && "F".equals(industry) ? 0.4 : TABLES.certificateOdds[c];
            if (r.nextDouble() < odds) {
                String[] issuer = TABLES.certificateCodes[c].startsWith("ISO") ? pick(r, TABLES.issuers)
                        : switch (TABLES.certificateCodes[c]) {
                            case "HK_GREEN_LABEL" -> new String[]{"Green Council", "GC"};
                            case "CARBONCARE_LABEL" -> new String[]{"CarbonCare InnoLab", "CCIL"};
                            case "BEAM_PLUS" -> new String[]{"BEAM Society Limited", "BSL"};
                            case "SBTI" -> new String[]{"Science Based Targets initiative", "SBTI"};
                            default -> new String[]{"Self-declared", "SD"};
                        };
                String number = issuer[1] + "-" + TABLES.certificateCodes[c].replace("_", "") + "-" + (10_000 + r.nextInt(90_000));
                // about one in seven has lapsed
                LocalDate validUntil = referenceDate.plusDays(r.nextInt(1275) - 180);
                certifications.add(new Certification(TABLES.certificateCodes[c], number, issuer[0], validUntil));
            }
        }

        List<Solution> solutions = new ArrayList<>();
        if (kind == CompanyKind.SERVICE_PROVIDER) {
            int n = 1 + r.nextInt(3);
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < n) {
                chosen.add(r.nextInt(TABLES.solutions.length));
            }
            for (int s : chosen) {
                String[] sol = TABLES.solutions[s];
                solutions.add(new Solution(sol[0], Bilingual.of(sol[1], sol[2]), Bilingual.of(sol[3], sol[4])));
            }
        }

        String id = "cmp-g" + String.format(Locale.ROOT, "%07d", i);
        String slug = id.substring(4);
        Profile profile = new Profile(Bilingual.of(nameEn, nameZh), Bilingual.of(descriptionEn, descriptionZh), industry, sector,
                List.copyOf(locations), certifications, solutions, "https://www." + slug + ".example.hk",
                new Contact(null, "info@" + slug + ".example.hk", "+852 2" + (100_0000 + r.nextInt(899_9999))),
                r.nextDouble() < 0.3 ? "https://cdn.example.hk/logos/" + slug + ".png" : null, sizeBand);

        Registration registration = mainland
                ? new Registration(null, uscc(primary, i), null)
                : new Registration(br(i), null, null);

        double statusRoll = r.nextDouble();
        CompanyStatus status = statusRoll < 0.97 ? CompanyStatus.PUBLISHED : statusRoll < 0.99 ? CompanyStatus.SUSPENDED : CompanyStatus.SUBMITTED;
        Company.Builder company = base(id, kind, status, registration, profile);
        Instant publishedAt = reference.minusSeconds(86_400L * (30 + r.nextInt(700)));
        Instant lastVerified = publishedAt;
        if (r.nextDouble() < 0.75) {
            int e = clamp(60 + r.nextGaussian() * 15);
            int s = clamp(62 + r.nextGaussian() * 13);
            int g = clamp(58 + r.nextGaussian() * 14);
            int overall = Math.round((e + s + g) / 3.0f);
            Instant assessed = reference.minusSeconds(86_400L * r.nextInt(540));
            company.scorecard(new Scorecard(e, s, g, overall, level(overall), assessed));
            if (assessed.isAfter(lastVerified)) {
                lastVerified = assessed;
            }
        }
        if (status == CompanyStatus.SUBMITTED) {
            company.publishedAt(null).provisioning(null)
                    .applicant(new Company.Applicant("demo-applicant-" + i, "applicant" + i + "@example.hk", "applicant" + i + "@example.hk"));
        } else {
            company.publishedAt(publishedAt).lastVerifiedAt(lastVerified);
            if (status == CompanyStatus.SUSPENDED) {
                company.suspension(new Company.Suspension("Certificate under review", "admin@demo.esg-one.test", reference));
            }
        }
        return company.build();
    }

    private Company.Builder base(String id, CompanyKind kind, CompanyStatus status, Registration registration, Profile profile) {
        Registration keyed = new Registration(registration.brNumber(), registration.uscc(),
                RegistrationNumbers.key(registration.brNumber(), registration.uscc()));
        return new Company.Builder()
                .id(id).kind(kind).status(status).registration(keyed).profile(profile)
                .applicant(new Company.Applicant("demo", "demo", null))
                .provisioning(new Provisioning(ProvisioningState.PREEXISTING, null, kind.memberRole(), 0, null, null, null, null))
                .createdAt(reference.minusSeconds(86_400L * 800))
                .updatedAt(reference)
                .version(1)
                .indexPending(true);
    }

    /** Distinct for every index below 90 million: a bijection of Z/90,000,000 (7919 is coprime to it). */
    static String br(long index) {
        long value = 10_000_000L + Math.floorMod(index * 7919L + 1_234_567L, BR_SPACE);
        return Long.toString(value);
    }

    static String uscc(String city, int index) {
        String division = "440300";
        for (String[] d : TABLES.divisionCodes) {
            if (d[0].equals(city)) {
                division = d[1];
            }
        }
        StringBuilder org = new StringBuilder();
        long n = index + 31L * 31 * 31;
        for (int k = 0; k < 9; k++) {
            org.append(RegistrationNumbers.usccAlphabet().charAt((int) (n % 31)));
            n /= 31;
        }
        String first17 = "91" + division + org.reverse();
        return first17 + RegistrationNumbers.usccCheckCharacter(first17);
    }

    private static String[] placeName(String code) {
        for (String[] p : TABLES.placeNames) {
            if (p[0].equals(code)) {
                return new String[]{p[1], p[2]};
            }
        }
        return new String[]{code, code};
    }

    static String level(int overall) {
        String level = null;
        for (int k = 0; k < LEVEL_THRESHOLDS.length; k++) {
            if (overall >= LEVEL_THRESHOLDS[k]) {
                level = LEVEL_ORDER[k];
            }
        }
        return level;
    }

    /** java.util.Random's first outputs for neighbouring seeds are correlated: scramble the seed first (MurmurHash3 fmix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int clamp(double value) {
        return (int) Math.max(15, Math.min(98, Math.round(value)));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pickWeighted(Random r, String[] values, double[] weights) {
        double roll = r.nextDouble();
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            sum += weights[k];
            if (roll < sum) {
                return values[k];
            }
        }
        return values[values.length - 1];
    }
}
