package hk.esgone.offers.offer;

public enum OfferType {
    PERCENTAGE_DISCOUNT, FIXED_DISCOUNT, CASHBACK_PERCENTAGE, FREE_SERVICE_OR_TRIAL;

    public boolean isPercentage() {
        return this == PERCENTAGE_DISCOUNT || this == CASHBACK_PERCENTAGE;
    }
}
