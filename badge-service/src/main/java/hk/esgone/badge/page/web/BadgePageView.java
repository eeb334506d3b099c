package hk.esgone.badge.page.web;

import java.util.List;

/**
 * What the verification page template shows, already in the page's language (labels come from the bundles).
 *
 * @param canonical the badge page's own address (null on the not-found page)
 * @param image     the Open Graph image (null on the not-found page)
 */
record BadgePageView(String lang, String ogLocale, String ogLocaleAlternate, String title, String description, String url,
                     String image, String canonical, List<LanguageLink> languages) {

    /** A link to the page in one language; {@code current} marks the page's own. */
    record LanguageLink(String href, String tag, String label, boolean current) {
    }

    /** The verified badge. */
    record Badge(String status, boolean valid, String statusText, String name, String holderName, String companyId,
                 String brNumber, String uscc, String description, String criteria, String issuerName, String imageSrc,
                 List<DateRow> dates, List<CheckRow> checks, String credentialHref, String apiHref) {
    }

    /** One date of the badge: the bundle key of its label, the machine-readable value and the shown text. */
    record DateRow(String label, String datetime, String shown) {
    }

    /** One check: its name, outcome (both bundle keys), how it is drawn, and the detail in the language {@code detailLang}. */
    record CheckRow(String check, String outcome, String css, String icon, String detail, String detailLang) {
    }
}
