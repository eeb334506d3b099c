package hk.esgone.gateway;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

/** The package layout every application follows (test-support's LayoutRules): controllers in web, no common. */
class ArchitectureTests {

    @Test
    void gatewayFollowsTheLayout() {
        LayoutRules.checkService("hk.esgone.gateway");
    }
}
