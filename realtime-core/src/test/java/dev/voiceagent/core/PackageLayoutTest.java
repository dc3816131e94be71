package dev.voiceagent.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.voiceagent.testsupport.architecture.PackageRules;
import org.junit.jupiter.api.Test;

class PackageLayoutTest {

    @Test
    void capabilityPackagesHaveNoCycles() {
        PackageRules.assertNoCycles("dev.voiceagent.core");
    }

    /**
     * The loopback provider is a plug-in of the engine, kept apart as a module would be: it sees only the model
     * port, and only the provider choice sees it. (It stays a package rather than a module so that `./run.sh` and
     * dev mode work offline from the one core artifact.)
     */
    @Test
    void theLoopbackProviderIsSeenOnlyByTheProviderChoiceAndSeesOnlyTheModelPort() {
        var classes = PackageRules.productionClasses();
        noClasses().that().resideOutsideOfPackages("..core.loopback..", "..core.provider..")
                .should().dependOnClassesThat().resideInAPackage("..core.loopback..")
                .check(classes);
        noClasses().that().resideInAPackage("..core.loopback..")
                .should().dependOnClassesThat().resideInAnyPackage("..core.session..", "..core.openai..",
                        "..core.mcp..", "..core.checkpoint..", "..core.handoff..", "..core.access..")
                .check(classes);
    }
}
