package org.sellcraft.itests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.annotation.Annotation;
import java.util.List;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.HttpMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls between bundles: the API depends on no implementation, and no bundle reaches into another bundle's
 * {@code internal} package; bundles meet only through the published API, services and events.
 */
class WallsTest {

    private static final List<Class<? extends Annotation>> ACCESS =
            List.of(RolesAllowed.class, PermitAll.class, DenyAll.class);

    private static JavaClasses bundles;

    @BeforeAll
    static void importBundles() {
        bundles = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                        "org.sellcraft.health",
                        "org.sellcraft.automation",
                        "org.sellcraft.ecosystem",
                        "org.sellcraft.web",
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

    /** Deny by default: an operation that says nothing about who may call it fails the build. */
    @Test
    void everyRestOperationDeclaresWhoMayCallIt() {
        methods()
                .that()
                .areMetaAnnotatedWith(HttpMethod.class)
                .should(new ArchCondition<JavaMethod>("declare @RolesAllowed, @PermitAll or @DenyAll") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean declared = ACCESS.stream()
                                .anyMatch(a -> method.isAnnotatedWith(a)
                                        || method.getOwner().isAnnotatedWith(a));
                        if (!declared) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " declares no access rule"));
                        }
                    }
                })
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
