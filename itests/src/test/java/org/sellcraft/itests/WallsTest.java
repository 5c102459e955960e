package org.sellcraft.itests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between bundles: the API depends on no implementation, and no bundle reaches into another bundle's
 * {@code internal} package; bundles meet only through the published API, services and events.
 */
class WallsTest {

    private static JavaClasses bundles;

    @BeforeAll
    static void importBundles() {
        bundles = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                        "org.sellcraft.api",
                        "org.sellcraft.core",
                        "org.sellcraft.store",
                        "org.sellcraft.security",
                        "org.sellcraft.importer",
                        "org.sellcraft.rest",
                        "org.sellcraft.shell");
    }

    @Test
    void theApiDependsOnNoImplementation() {
        noClasses()
                .that()
                .resideInAPackage("org.sellcraft.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..internal..")
                .check(bundles);
    }

    @Test
    void noBundleReachesIntoAnothersInternals() {
        slices().matching("org.sellcraft.(**).internal..")
                .should()
                .notDependOnEachOther()
                .check(bundles);
    }

    @Test
    void theWallsAreCheckedOnRealClasses() {
        org.junit.jupiter.api.Assertions.assertTrue(
                bundles.containPackage("org.sellcraft.rest.internal")
                        && bundles.containPackage("org.sellcraft.importer.internal"),
                "the bundles' classes are on the test class path");
    }
}
