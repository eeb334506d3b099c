package hk.esgone.offers.offer;

/** What kind of partner service an offer is for. */
public enum OfferCategory {
    BANKING_AND_FINANCE, INSURANCE, LOGISTICS, SOFTWARE_AND_DIGITAL, ENERGY, CONSULTING_AND_CERTIFICATION,
    TELECOMMUNICATIONS, TRAINING, OFFICE_AND_SUPPLIES, OTHER
}
