package org.sellcraft.itests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    private static final List<String> FLOORS = List.of("platform", "bundles", "examples");

    private static List<Path> modules;
    private static JavaClasses bundles;

    /**
     * Reads the compiled classes of every module of the reactor, found by folder, so that a bundle added later is
     * checked without anyone having to list it here.
     */
    @BeforeAll
    static void importBundles() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        for (String floor : FLOORS) {
            try (Stream<Path> children = Files.list(root.resolve(floor))) {
                children.filter(module -> Files.isDirectory(module.resolve("src/main/java")))
                        .sorted()
                        .forEach(found::add);
            }
        }
        modules = found;
        bundles = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(modules.stream()
                        .map(module -> module.resolve("target/classes"))
                        .filter(Files::isDirectory)
                        .toList());
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
    void capabilitiesUseThePlatformOnlyThroughItsApi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.sellcraft.health..",
                        "org.sellcraft.ai..",
                        "org.sellcraft.ecosystem..",
                        "org.sellcraft.examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.sellcraft.core..",
                        "org.sellcraft.store..",
                        "org.sellcraft.security..",
                        "org.sellcraft.importer..",
                        "org.sellcraft.rest..",
                        "org.sellcraft.automation..",
                        "org.sellcraft.web..",
                        "org.sellcraft.shell..",
                        "org.sellcraft.modules..")
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
    void theWallsAreCheckedOnEveryModulesClasses() {
        List<String> missing = modules.stream()
                .filter(module -> !Files.isDirectory(module.resolve("target/classes")))
                .map(module -> module.getFileName().toString())
                .toList();
        assertEquals(List.of(), missing, "modules not compiled before the walls were checked");
        assertTrue(modules.size() >= 14, "modules found: " + modules);
        for (String bundle : List.of(
                "org.sellcraft.rest.internal",
                "org.sellcraft.health.internal",
                "org.sellcraft.ai.internal",
                "org.sellcraft.web.internal",
                "org.sellcraft.examples.complaints.internal")) {
            assertTrue(bundles.containPackage(bundle), bundle + " was not read");
        }
    }
}
