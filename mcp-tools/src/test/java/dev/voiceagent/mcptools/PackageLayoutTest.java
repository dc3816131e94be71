package dev.voiceagent.mcptools;

import dev.voiceagent.testsupport.architecture.PackageRules;
import org.junit.jupiter.api.Test;

class PackageLayoutTest {

    @Test
    void capabilityPackagesHaveNoCycles() {
        PackageRules.assertNoCycles("dev.voiceagent.mcptools");
    }
}
