package org.sellcraft.shell.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.store.RecordStore;

/** Shows what an operator checks first: installed modules, record counts, store size and uptime. */
@Service
@Command(scope = "sellcraft", name = "status", description = "Installed modules, record counts, store size, uptime")
public class StatusCommand implements Action {

    @Reference
    RecordStore store;

    @Reference
    FeaturesService features;

    @Override
    public Object execute() throws Exception {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        System.out.printf(
                "Uptime: %dh %02dm %02ds%n", uptime.toHours(), uptime.toMinutesPart(), uptime.toSecondsPart());

        System.out.println("Modules:");
        for (Feature feature : features.listInstalledFeatures()) {
            if (feature.getName().startsWith("sellcraft")) {
                System.out.printf("  %-28s %s%n", feature.getName(), feature.getVersion());
            }
        }

        RecordStore.StoreStats stats = store.stats();
        System.out.printf(
                "Store: %s at %s, %.1f MiB%n", stats.backend(), stats.location(), stats.sizeBytes() / 1048576.0);
        System.out.println("Records:");
        for (Map.Entry<String, Long> count : stats.countsByType().entrySet()) {
            System.out.printf("  %-28s %,d%n", count.getKey(), count.getValue());
        }
        return null;
    }
}
