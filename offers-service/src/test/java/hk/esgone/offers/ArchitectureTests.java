package hk.esgone.offers;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

/** The package layout every service follows: feature packages with web → domain → store, nothing of another service. */
class ArchitectureTests {

    @Test
    void theServiceFollowsTheSharedLayout() {
        LayoutRules.checkService("hk.esgone.offers");
    }
}
