package hk.esgone.directory.company;

import hk.esgone.directory.support.Bilingual;
import hk.esgone.platform.security.Caller;

/** What a company is in the directory; decides the realm role its members get. */
public enum CompanyKind {
    SUPPLIER(Bilingual.of("Supplier", "供應商"), Caller.ROLE_SME),
    SERVICE_PROVIDER(Bilingual.of("Environmental technology service provider", "環境技術服務供應商"), Caller.ROLE_SME),
    PARTNER(Bilingual.of("Partner", "合作夥伴"), Caller.ROLE_PARTNER);

    private final Bilingual label;
    private final String memberRole;

    CompanyKind(Bilingual label, String memberRole) {
        this.label = label;
        this.memberRole = memberRole;
    }

    public Bilingual label() {
        return label;
    }

    /** The realm role a member of such a company is given when the company is approved. */
    public String memberRole() {
        return memberRole;
    }

    public static CompanyKind parse(String value) {
        for (CompanyKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
