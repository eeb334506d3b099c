package hk.esgone.web;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

class ArchitectureTests {

    @Test
    void followsTheServiceLayout() {
        LayoutRules.checkService("hk.esgone.web");
    }
}
