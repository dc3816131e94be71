package dev.voiceagent.testsupport.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;

/**
 * The layout rules every service keeps, checked on its production classes: packages by capability with no cycles
 * between them, so a package can be read, tested and moved on its own.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /**
     * Fails, naming the classes on each cycle, when two capability packages under {@code root} (e.g.
     * {@code dev.voiceagent.telephony}) depend on each other, directly or through others. Run from the module's
     * directory (as Maven runs tests).
     */
    public static void assertNoCycles(String root) {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(productionClasses());
    }

    /** The module's production classes, for rules of its own. */
    public static JavaClasses productionClasses() {
        // Only the module's own classes, without following their dependencies into libraries: scanning the class
        // path takes seconds and libraries are outside the rules.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }
}
