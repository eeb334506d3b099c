package hk.esgone.platform;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

class ArchitectureTests {

    @Test
    void platformKnowsNoService() {
        LayoutRules.checkPlatform();
    }
}
