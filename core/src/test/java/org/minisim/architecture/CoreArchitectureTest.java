package org.minisim.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core module's house rules (docs/architecture.md): one direction through its packages — no cycle between
 * any two of them — and no Spark or Hadoop anywhere in it.
 */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void load() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.minisim");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.minisim.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void theCycleRuleCatchesAReintroducedCycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.minisim.architecture.cyclefixture");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> slices()
                .matching("org.minisim.architecture.cyclefixture.(**)").should().beFreeOfCycles().check(fixture));
    }

    @Test
    void coreNeverUsesSparkOrHadoop() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                "scala..").check(core);
    }

    @Test
    void floorsDoNotReachUp() {
        noClasses().that().resideInAnyPackage("org.minisim.spec..", "org.minisim.random..", "org.minisim.footprint..",
                "org.minisim.store..").should().dependOnClassesThat().resideInAnyPackage("org.minisim.scene..",
                "org.minisim.render..", "org.minisim.table..", "org.minisim.run..", "org.minisim.recording..")
                .check(core);
    }
}
