package hk.esgone.offers.offer;

/**
 * How a claimant redeems: a code generated for its claim, a code taken from the pool the partner
 * uploaded, or a link (the claim still gets a unique reference code the partner can confirm).
 */
public enum RedemptionMethod {
    UNIQUE_CODE, CODE_POOL, LINK
}
