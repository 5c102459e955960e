package org.sellcraft.api.module;

import java.util.List;

/**
 * A Sellcraft module: a feature of the Sellcraft feature repository that an administrator may install or remove.
 *
 * @param name the feature name, for example {@code sellcraft-health}
 * @param version the version installed, or the newest available when it is not installed
 * @param description what the module does
 * @param state whether it is installed and running
 * @param edition whether this module is an edition (a set of modules) rather than a capability
 * @param requires the Sellcraft modules it needs, directly or through others
 * @param requiredBy the installed modules that need it, directly or through others; it cannot be uninstalled while
 *     this list is not empty
 */
public record ModuleInfo(
        String name,
        String version,
        String description,
        ModuleState state,
        boolean edition,
        List<String> requires,
        List<String> requiredBy) {

    public ModuleInfo {
        requires = List.copyOf(requires);
        requiredBy = List.copyOf(requiredBy);
    }

    /** Whether the module is installed, running or not. */
    public boolean installed() {
        return state != ModuleState.UNINSTALLED;
    }
}
