package org.sellcraft.modules.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sellcraft.api.module.ModuleException;
import org.sellcraft.api.module.ModuleInfo;
import org.sellcraft.api.module.ModuleState;

/**
 * Sellcraft's modules at one moment, with what each needs and what needs it. Built from the feature service for
 * each question, so that it never goes stale; kept apart from Karaf so that its rules can be tested on their own.
 */
final class ModuleGraph {

    /** One feature as the graph sees it: its direct dependencies are the feature names it lists. */
    record Node(
            String name,
            String version,
            String description,
            ModuleState state,
            boolean edition,
            List<String> dependencies) {}

    /** What an edition switch installs and uninstalls. */
    record EditionPlan(List<String> install, List<String> uninstall) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    ModuleGraph(Collection<Node> all) {
        all.stream().sorted(java.util.Comparator.comparing(Node::name)).forEach(node -> nodes.put(node.name(), node));
    }

    List<ModuleInfo> modules() {
        return nodes.keySet().stream().map(this::info).toList();
    }

    boolean contains(String name) {
        return nodes.containsKey(name);
    }

    Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new ModuleException(
                    ModuleException.Reason.UNKNOWN, "There is no Sellcraft module named '" + name + "'");
        }
        return node;
    }

    ModuleInfo info(String name) {
        Node node = node(name);
        return new ModuleInfo(
                node.name(),
                node.version(),
                node.description(),
                node.state(),
                node.edition(),
                List.copyOf(requires(name)),
                requiredBy(name));
    }

    /** The Sellcraft modules a module needs, directly or through others, by name. */
    Set<String> requires(String name) {
        Set<String> found = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(node(name).dependencies());
        while (!next.isEmpty()) {
            String dependency = next.pop();
            Node node = nodes.get(dependency);
            if (node != null && found.add(dependency)) {
                next.addAll(node.dependencies());
            }
        }
        return found;
    }

    /** The installed modules that need this one, directly or through others. */
    List<String> requiredBy(String name) {
        List<String> dependants = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.state() != ModuleState.UNINSTALLED
                    && !node.name().equals(name)
                    && requires(node.name()).contains(name)) {
                dependants.add(node.name());
            }
        }
        return dependants;
    }

    /** Refuses, naming the dependants, when installed modules need the module. */
    void checkRemovable(String name) {
        Node node = node(name);
        if (node.state() == ModuleState.UNINSTALLED) {
            throw new ModuleException(ModuleException.Reason.NOT_INSTALLED, "Module '" + name + "' is not installed");
        }
        List<String> dependants = requiredBy(name);
        if (!dependants.isEmpty()) {
            throw new ModuleException(
                    ModuleException.Reason.REQUIRED,
                    "Module '" + name + "' cannot be uninstalled: " + String.join(", ", dependants)
                            + (dependants.size() == 1 ? " needs" : " need") + " it; uninstall "
                            + (dependants.size() == 1 ? "that" : "those") + " first",
                    dependants,
                    null);
        }
    }

    /**
     * What moving to an edition takes: its modules that are missing are installed; the installed modules of the
     * other editions (and the other edition features themselves) that it does not hold are uninstalled. Modules in
     * no edition are add-ons and stay; when an add-on needs a module that would go, the switch is refused.
     */
    EditionPlan planEdition(String edition, Collection<String> editions) {
        Node target = node(edition);
        if (!target.edition()) {
            throw new ModuleException(ModuleException.Reason.UNKNOWN, "'" + edition + "' is not an edition");
        }
        Set<String> keep = capabilities(edition);
        Set<String> others = new LinkedHashSet<>();
        for (String other : editions) {
            if (nodes.containsKey(other) && !other.equals(edition)) {
                others.add(other);
                others.addAll(capabilities(other));
            }
        }
        others.removeAll(keep);

        List<String> install = keep.stream().filter(name -> !installed(name)).toList();
        List<String> uninstall = others.stream().filter(this::installed).toList();
        List<String> blocking = new ArrayList<>();
        for (String going : uninstall) {
            for (String dependant : requiredBy(going)) {
                if (!uninstall.contains(dependant) && !blocking.contains(dependant)) {
                    blocking.add(dependant);
                }
            }
        }
        if (!blocking.isEmpty()) {
            throw new ModuleException(
                    ModuleException.Reason.REQUIRED,
                    "Cannot switch to " + edition + ": " + String.join(", ", blocking)
                            + " needs modules that it leaves out (" + String.join(", ", uninstall)
                            + "); uninstall " + String.join(", ", blocking) + " first",
                    blocking,
                    null);
        }
        return new EditionPlan(install, uninstall);
    }

    private Set<String> capabilities(String edition) {
        Set<String> modules = new TreeSet<>();
        for (String name : requires(edition)) {
            if (!node(name).edition()) {
                modules.add(name);
            }
        }
        return modules;
    }

    private boolean installed(String name) {
        return node(name).state() != ModuleState.UNINSTALLED;
    }
}
