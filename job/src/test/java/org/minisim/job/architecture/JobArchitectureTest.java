package org.minisim.job.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job module's house rules (docs/architecture.md): no package cycles, and the job drives the simulator
 * through its task runner, table and spec packages — never through the physics, the scene or the renderer.
 */
class JobArchitectureTest {

    private static JavaClasses job;

    @BeforeAll
    static void load() {
        job = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.minisim.job");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.minisim.job.(**)").should().beFreeOfCycles().check(job);
    }

    @Test
    void theJobNeverReachesIntoThePhysics() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.minisim.physics..",
                "org.minisim.scene..", "org.minisim.render..", "org.minisim.random..").check(job);
    }
}
