package hk.esgone.badge.page.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import hk.esgone.badge.support.Lang;
import hk.esgone.badge.verify.VerificationStatus;

/** The words of the public page, the iframe and the SVG in both languages. */
public final class Messages {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy").withLocale(java.util.Locale.ENGLISH).withZone(HONG_KONG);
    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(HONG_KONG);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'HKT'").withZone(HONG_KONG);

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("site", new String[] {"ESG One e-Badge verification", "ESG One 電子徽章驗證"}),
            Map.entry("skip", new String[] {"Skip to the verification result", "跳至驗證結果"}),
            Map.entry("language", new String[] {"Language", "語言"}),
            Map.entry("holder", new String[] {"Holder", "持有人"}),
            Map.entry("companyId", new String[] {"Directory id", "名錄編號"}),
            Map.entry("brNumber", new String[] {"Business Registration No.", "商業登記號碼"}),
            Map.entry("uscc", new String[] {"Unified Social Credit Code", "統一社會信用代碼"}),
            Map.entry("achievement", new String[] {"Badge", "徽章"}),
            Map.entry("description", new String[] {"What it certifies", "證明內容"}),
            Map.entry("criteria", new String[] {"Criteria", "頒發準則"}),
            Map.entry("issuer", new String[] {"Issued by", "頒發機構"}),
            Map.entry("issuedAt", new String[] {"Issued on", "頒發日期"}),
            Map.entry("validFrom", new String[] {"Valid from", "有效期由"}),
            Map.entry("validUntil", new String[] {"Valid until", "有效期至"}),
            Map.entry("status", new String[] {"Status", "狀態"}),
            Map.entry("checkedAt", new String[] {"Checked at", "驗證時間"}),
            Map.entry("checks", new String[] {"What was checked", "驗證項目"}),
            Map.entry("selfVerify", new String[] {"Verify it yourself", "自行驗證"}),
            Map.entry("selfVerifyText", new String[] {
                    "The badge is a signed Open Badges 3.0 credential. Anyone can check its signature with ESG One's published keys.",
                    "此徽章是經數碼簽署的 Open Badges 3.0 憑證，任何人均可用 ESG One 公開的密鑰核實其簽署。"}),
            Map.entry("credentialLink", new String[] {"Signed credential (VC-JWT)", "已簽署憑證（VC-JWT）"}),
            Map.entry("jwksLink", new String[] {"ESG One public keys (JWKS)", "ESG One 公開密鑰（JWKS）"}),
            Map.entry("apiLink", new String[] {"Verification result as JSON", "驗證結果（JSON）"}),
            Map.entry("notFoundTitle", new String[] {"Badge not found", "找不到徽章"}),
            Map.entry("notFoundText", new String[] {
                    "ESG One has issued no badge with this id. Check the link, or ask the company for its badge link.",
                    "ESG One 並無頒發此編號的徽章。請檢查連結，或向該公司索取徽章連結。"}),
            Map.entry("verifyPage", new String[] {"Verify", "驗證"}),
            Map.entry("notAllowed", new String[] {"This badge cannot be shown on this website.", "此徽章不可在此網站顯示。"}),
            Map.entry("PASSED", new String[] {"Passed", "通過"}),
            Map.entry("FAILED", new String[] {"Failed", "未通過"}),
            Map.entry("SKIPPED", new String[] {"Not checked", "未檢查"}),
            Map.entry("check.RECORD", new String[] {"Issued by ESG One", "由 ESG One 頒發"}),
            Map.entry("check.SIGNATURE", new String[] {"Digital signature", "數碼簽署"}),
            Map.entry("check.VALIDITY_PERIOD", new String[] {"Validity period", "有效期"}),
            Map.entry("check.REVOCATION", new String[] {"Not revoked", "未被撤銷"}),
            Map.entry("check.SUSPENSION", new String[] {"Not suspended", "未被暫停"}),
            Map.entry("status.VALID", new String[] {"Valid", "有效"}),
            Map.entry("status.EXPIRED", new String[] {"Expired", "已過期"}),
            Map.entry("status.SUSPENDED", new String[] {"Suspended", "已暫停"}),
            Map.entry("status.REVOKED", new String[] {"Revoked", "已撤銷"}),
            Map.entry("status.UNKNOWN", new String[] {"Unknown", "不明"}),
            Map.entry("status.INVALID", new String[] {"Not valid", "無效"}),
            Map.entry("banner.VALID", new String[] {"Verified: this badge is valid.", "已驗證：此徽章有效。"}),
            Map.entry("banner.EXPIRED", new String[] {"NOT VALID — this badge has expired.", "無效 — 此徽章已過期。"}),
            Map.entry("banner.SUSPENDED", new String[] {"NOT VALID — this badge is suspended by ESG One.", "無效 — 此徽章已被 ESG One 暫停。"}),
            Map.entry("banner.REVOKED", new String[] {"NOT VALID — this badge has been revoked by ESG One.", "無效 — 此徽章已被 ESG One 撤銷。"}),
            Map.entry("banner.UNKNOWN", new String[] {"NOT VALID — no such badge.", "無效 — 並無此徽章。"}),
            Map.entry("banner.INVALID", new String[] {"NOT VALID — this badge failed verification.", "無效 — 此徽章未能通過驗證。"}),
            Map.entry("widget.valid", new String[] {"Verified", "已驗證"}),
            Map.entry("widget.notValid", new String[] {"Not valid", "無效"}));

    private Messages() {
    }

    public static String get(String key, Lang lang) {
        String[] text = TEXT.get(key);
        if (text == null) {
            return key;
        }
        return text[lang == Lang.ZH_HANT ? 1 : 0];
    }

    public static String status(VerificationStatus status, Lang lang) {
        return get("status." + status.name(), lang);
    }

    public static String date(Instant instant, Lang lang) {
        return instant == null ? "" : (lang == Lang.ZH_HANT ? DATE_ZH : DATE_EN).format(instant);
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
