package org.sellcraft.health.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.health.HealthService;

/** Scores every customer again, after a change of settings or of the installed factors. */
@Service
@Command(
        scope = "sellcraft",
        name = "health-recompute",
        description = "Scores every customer again; --rebuild reads every order from the store first")
public class HealthRecomputeCommand implements Action {

    @Reference
    HealthService health;

    @Option(name = "--rebuild", description = "Read every account, product, activity and order again first")
    boolean rebuild;

    @Override
    public Object execute() {
        HealthService.Recomputation done = health.recompute(rebuild);
        if (rebuild) {
            System.out.printf(
                    "Rebuilt from %,d orders: %,d customers scored in %.0f ms%n",
                    done.orders(), done.customers(), done.millis());
        } else {
            System.out.printf("%,d customers scored in %.1f ms%n", done.customers(), done.millis());
        }
        return null;
    }
}
