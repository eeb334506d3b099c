package hk.esgone.badge.achievement;

/** Ordered: BRONZE < SILVER < GOLD < PLATINUM. */
public enum ScorecardLevel {
    BRONZE, SILVER, GOLD, PLATINUM
}
