package hk.esgone.directory.support;

import java.util.List;

import hk.esgone.testsupport.jwt.TestTokenIssuer;

/** Tokens shaped like the demo users' (docs/contracts.md), signed by the fake issuer. */
public final class TestTokens {

    private final TestTokenIssuer issuer;

    public TestTokens(TestTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** sme@demo.esg-one.test: member of cmp-demo-supplier. */
    public String sme() {
        return issuer.token().subject("sme-subject").roles(List.of("sme")).organizations("cmp-demo-supplier")
                .claim("email", "sme@demo.esg-one.test").sign();
    }

    /** sme2@demo.esg-one.test: member of cmp-demo-supplier-2. */
    public String sme2() {
        return issuer.token().subject("sme2-subject").roles(List.of("sme")).organizations("cmp-demo-supplier-2")
                .claim("email", "sme2@demo.esg-one.test").sign();
    }

    public String admin() {
        return issuer.token().subject("admin-subject").roles(List.of("admin")).organizations().sign();
    }

    public String buyer() {
        return issuer.token().subject("buyer-subject").roles(List.of("buyer")).organizations().sign();
    }

    /** A signed-in user with no role and no company yet: who applies. */
    public String applicant(String subject) {
        return issuer.token().subject(subject).roles(List.of()).organizations().claim("email", subject + "@example.test").sign();
    }
}
