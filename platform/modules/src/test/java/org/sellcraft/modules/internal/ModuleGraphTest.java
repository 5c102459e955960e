package org.sellcraft.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sellcraft.api.module.ModuleState.STARTED;
import static org.sellcraft.api.module.ModuleState.UNINSTALLED;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.module.ModuleException;
import org.sellcraft.api.module.ModuleState;

class ModuleGraphTest {

    private static final List<String> EDITIONS =
            List.of("sellcraft-small", "sellcraft-midsize", "sellcraft-enterprise");

    private static ModuleGraph.Node module(String name, ModuleState state, String... dependencies) {
        return new ModuleGraph.Node(name, "1.0.0", name, state, false, List.of(dependencies));
    }

    private static ModuleGraph.Node edition(String name, String... dependencies) {
        return new ModuleGraph.Node(name, "1.0.0", name, UNINSTALLED, true, List.of(dependencies));
    }

    /** The shape of Sellcraft's repository, with the small edition's modules installed by name. */
    private static ModuleGraph smallEditionWith(ModuleState pipeline, ModuleState example) {
        return new ModuleGraph(List.of(
                module("sellcraft-core", STARTED),
                module("sellcraft-web", STARTED, "sellcraft-core"),
                module("sellcraft-health", STARTED, "sellcraft-core"),
                module("sellcraft-health-pipeline", pipeline, "sellcraft-health"),
                module("sellcraft-example-products", example, "sellcraft-web"),
                edition("sellcraft-small", "sellcraft-core", "sellcraft-health", "sellcraft-web"),
                edition("sellcraft-midsize", "sellcraft-small", "sellcraft-health-pipeline"),
                edition("sellcraft-enterprise", "sellcraft-midsize")));
    }

    @Test
    void aModuleNeedsWhatItsDependenciesNeedToo() {
        ModuleGraph graph = smallEditionWith(STARTED, UNINSTALLED);

        assertEquals(
                List.of("sellcraft-core", "sellcraft-health"),
                List.copyOf(graph.requires("sellcraft-health-pipeline")));
        assertEquals(
                List.of(
                        "sellcraft-core",
                        "sellcraft-health",
                        "sellcraft-health-pipeline",
                        "sellcraft-small",
                        "sellcraft-web"),
                List.copyOf(graph.requires("sellcraft-midsize")));
    }

    @Test
    void onlyInstalledModulesCountAsDependants() {
        ModuleGraph graph = smallEditionWith(STARTED, UNINSTALLED);

        assertEquals(List.of("sellcraft-health-pipeline"), graph.requiredBy("sellcraft-health"));
        assertEquals(List.of(), graph.requiredBy("sellcraft-web"));
        assertEquals(
                List.of("sellcraft-health", "sellcraft-health-pipeline", "sellcraft-web"),
                graph.requiredBy("sellcraft-core"));
    }

    @Test
    void uninstallingAModuleAnotherNeedsIsRefusedNamingIt() {
        ModuleGraph graph = smallEditionWith(STARTED, UNINSTALLED);

        ModuleException refused = assertThrows(ModuleException.class, () -> graph.checkRemovable("sellcraft-health"));

        assertEquals(ModuleException.Reason.REQUIRED, refused.reason());
        assertEquals(List.of("sellcraft-health-pipeline"), refused.dependants());
        assertEquals(
                "Module 'sellcraft-health' cannot be uninstalled: sellcraft-health-pipeline needs it;"
                        + " uninstall that first",
                refused.getMessage());
    }

    @Test
    void aModuleNothingNeedsCanGo() {
        smallEditionWith(UNINSTALLED, UNINSTALLED).checkRemovable("sellcraft-health");
    }

    @Test
    void uninstallingWhatIsNotInstalledOrUnknownIsRefused() {
        ModuleGraph graph = smallEditionWith(UNINSTALLED, UNINSTALLED);

        assertEquals(
                "Module 'sellcraft-health-pipeline' is not installed",
                assertThrows(ModuleException.class, () -> graph.checkRemovable("sellcraft-health-pipeline"))
                        .getMessage());
        assertEquals(
                ModuleException.Reason.UNKNOWN,
                assertThrows(ModuleException.class, () -> graph.checkRemovable("sellcraft-nothing"))
                        .reason());
    }

    @Test
    void movingUpAnEditionInstallsOnlyWhatIsMissing() {
        ModuleGraph.EditionPlan plan =
                smallEditionWith(UNINSTALLED, UNINSTALLED).planEdition("sellcraft-midsize", EDITIONS);

        assertEquals(List.of("sellcraft-health-pipeline"), plan.install());
        assertEquals(List.of(), plan.uninstall());
    }

    @Test
    void movingDownAnEditionRemovesTheBiggerEditionsModulesAndKeepsAddOns() {
        ModuleGraph.EditionPlan plan = smallEditionWith(STARTED, STARTED).planEdition("sellcraft-small", EDITIONS);

        assertEquals(List.of(), plan.install());
        assertEquals(List.of("sellcraft-health-pipeline"), plan.uninstall());
    }

    @Test
    void anEditionSwitchThatWouldTakeAwayWhatAnAddOnNeedsIsRefused() {
        ModuleGraph graph = new ModuleGraph(List.of(
                module("sellcraft-core", STARTED),
                module("sellcraft-health", STARTED, "sellcraft-core"),
                module("sellcraft-health-pipeline", STARTED, "sellcraft-health"),
                module("sellcraft-acme-forecast", STARTED, "sellcraft-health-pipeline"),
                edition("sellcraft-small", "sellcraft-core", "sellcraft-health"),
                edition("sellcraft-midsize", "sellcraft-small", "sellcraft-health-pipeline"),
                edition("sellcraft-enterprise", "sellcraft-midsize")));

        ModuleException refused =
                assertThrows(ModuleException.class, () -> graph.planEdition("sellcraft-small", EDITIONS));

        assertEquals(List.of("sellcraft-acme-forecast"), refused.dependants());
        assertEquals(
                "Cannot switch to sellcraft-small: sellcraft-acme-forecast needs modules that it leaves out"
                        + " (sellcraft-health-pipeline); uninstall sellcraft-acme-forecast first",
                refused.getMessage());
    }

    @Test
    void aCapabilityIsNotAnEdition() {
        assertEquals(
                "'sellcraft-health' is not an edition",
                assertThrows(ModuleException.class, () -> smallEditionWith(UNINSTALLED, UNINSTALLED)
                                .planEdition("sellcraft-health", EDITIONS))
                        .getMessage());
    }
}
