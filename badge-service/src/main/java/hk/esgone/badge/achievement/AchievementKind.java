package hk.esgone.badge.achievement;

/** Kinds of badge (docs/contracts.md), with the Open Badges {@code achievementType} each maps to. */
public enum AchievementKind {
    E_BADGE("Badge"),
    SCORECARD_LEVEL("ext:ScorecardLevel"),
    CLEANER_PRODUCTION_PARTNER("Award"),
    DIRECTORY_LISTING("Membership");

    private final String openBadgesType;

    AchievementKind(String openBadgesType) {
        this.openBadgesType = openBadgesType;
    }

    public String openBadgesType() {
        return openBadgesType;
    }
}
