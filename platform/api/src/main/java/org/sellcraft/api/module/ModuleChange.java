package org.sellcraft.api.module;

import java.time.Duration;
import java.util.List;

/**
 * What an install, uninstall, update or edition switch did.
 *
 * @param operation {@code install}, {@code uninstall}, {@code update} or {@code edition}
 * @param target the module or edition it was asked for
 * @param installed the modules that were installed by it
 * @param uninstalled the modules that were uninstalled by it
 * @param took how long it took
 * @param module the target's state afterwards; {@code null} for an edition switch
 */
public record ModuleChange(
        String operation,
        String target,
        List<String> installed,
        List<String> uninstalled,
        Duration took,
        ModuleInfo module) {

    public ModuleChange {
        installed = List.copyOf(installed);
        uninstalled = List.copyOf(uninstalled);
    }
}
