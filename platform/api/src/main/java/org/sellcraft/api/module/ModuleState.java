package org.sellcraft.api.module;

/** Where a module stands in this server. */
public enum ModuleState {
    /** Known to the server's feature repositories but not installed. */
    UNINSTALLED,
    /** Installed, but not all of its bundles are running yet (or one of them failed to start). */
    INSTALLED,
    /** Installed and running. */
    STARTED;

    /** The name used in JSON and on the console, in lower case. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
