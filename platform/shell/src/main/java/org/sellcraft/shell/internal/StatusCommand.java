package org.sellcraft.shell.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.module.ModuleInfo;
import org.sellcraft.api.module.ModuleService;
import org.sellcraft.api.store.RecordStore;

/**
 * Shows what an operator checks first: the edition and the installed modules with their version and state, record
 * counts per type, store size and uptime. Modules come from the module service, so the runtimes that only package
 * libraries ({@code sellcraft-jersey}, {@code sellcraft-mapdb}) are not listed as modules.
 */
@Service
@Command(scope = "sellcraft", name = "status", description = "Installed modules, record counts, store size, uptime")
public class StatusCommand implements Action {

    @Reference
    RecordStore store;

    /** Optional, so that the status still shows the store while the module service is away. */
    @Reference(optional = true)
    ModuleService modules;

    @Override
    public Object execute() {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.printf(
                "Uptime: %dh %02dm %02ds%n", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());

        printModules();

        RecordStore.StoreStats stats = store.stats();
        System.out.printf(
                "Store: %s at %s, %.1f MiB%n", stats.backend(), stats.location(), stats.sizeBytes() / 1048576.0);
        System.out.println("Records:");
        for (Map.Entry<String, Long> count : stats.countsByType().entrySet()) {
            System.out.printf("  %-28s %,d%n", count.getKey(), count.getValue());
        }
        return null;
    }

    private void printModules() {
        if (modules == null) {
            System.out.println("Modules: unknown, the module service is not running");
            return;
        }
        List<ModuleInfo> installed =
                modules.modules().stream().filter(ModuleInfo::installed).toList();
        System.out.println("Edition: " + modules.edition());
        System.out.println("Modules:");
        for (ModuleInfo module : installed) {
            System.out.printf(
                    "  %-32s %-16s %s%n",
                    module.name(),
                    module.version(),
                    module.edition()
                            ? module.state().label() + " (edition)"
                            : module.state().label());
        }
    }
}
