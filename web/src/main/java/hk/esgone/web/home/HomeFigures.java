package hk.esgone.web.home;

/**
 * The live figures on the home page. A figure is {@code null} while its service cannot be reached: the page then
 * shows the others and a dash, rather than failing.
 *
 * @param companies    companies listed in the directory
 * @param validBadges  valid badges held by listed companies
 * @param liveOffers   partner offers open to claims now
 * @param moreOffers   more live offers than were counted ({@link HomeFiguresService#OFFERS_COUNTED})
 */
public record HomeFigures(Long companies, Long validBadges, Long liveOffers, boolean moreOffers) {
}
