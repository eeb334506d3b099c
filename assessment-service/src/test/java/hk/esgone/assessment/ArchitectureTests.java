package hk.esgone.assessment;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

/** The package layout every service follows (web → domain → store, feature packages, no other service's classes). */
class ArchitectureTests {

    @Test
    void followsTheServiceLayout() {
        LayoutRules.checkService("hk.esgone.assessment");
    }
}
