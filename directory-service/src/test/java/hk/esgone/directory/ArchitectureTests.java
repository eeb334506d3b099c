package hk.esgone.directory;

import org.junit.jupiter.api.Test;

import hk.esgone.testsupport.architecture.LayoutRules;

/** The package layout every service follows: feature packages with web → domain → store, support, config. */
class ArchitectureTests {

    @Test
    void followsTheServiceLayout() {
        LayoutRules.checkService("hk.esgone.directory");
    }
}
