package org.sellcraft.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.module.ModuleChange;
import org.sellcraft.api.module.ModuleInfo;
import org.sellcraft.api.module.ModuleService;

/**
 * Modules and editions from the console. The commands wrap Karaf's feature service with Sellcraft's checks (a
 * module that installed modules need is not uninstalled) and write every change to the audit log under the name
 * of the console user.
 */
final class ModuleCommands {

    private ModuleCommands() {}

    private static void print(ModuleChange change) {
        System.out.printf(
                "%s %s took %d ms; installed %s, uninstalled %s%n",
                change.operation(),
                change.target(),
                change.took().toMillis(),
                change.installed(),
                change.uninstalled());
        if (change.module() != null) {
            System.out.println(change.module().name() + " " + change.module().version() + " is now "
                    + change.module().state().label());
        }
    }

    @Service
    @Command(scope = "sellcraft", name = "modules", description = "List Sellcraft's modules and editions")
    public static class ListModules implements Action {

        @Reference
        ModuleService modules;

        @Override
        public Object execute() {
            System.out.println(
                    "Edition: " + modules.edition() + " (editions: " + String.join(", ", modules.editions()) + ")");
            System.out.printf("%-32s %-16s %-12s %-8s %s%n", "MODULE", "VERSION", "STATE", "EDITION", "REQUIRED BY");
            for (ModuleInfo module : modules.modules()) {
                System.out.printf(
                        "%-32s %-16s %-12s %-8s %s%n",
                        module.name(),
                        module.version(),
                        module.state().label(),
                        module.edition() ? "yes" : "",
                        String.join(", ", module.requiredBy()));
            }
            return null;
        }
    }

    /** One operation on one module, named by the command's argument. */
    abstract static class ModuleOperation implements Action {

        @Argument(index = 0, name = "module", required = true, description = "The module, e.g. sellcraft-health")
        String name;

        @Reference
        ModuleService modules;

        @Override
        public Object execute() {
            print(operate());
            return null;
        }

        abstract ModuleChange operate();
    }

    @Service
    @Command(scope = "sellcraft", name = "module-install", description = "Install a module and what it needs")
    public static class Install extends ModuleOperation {

        @Override
        ModuleChange operate() {
            return modules.install(ConsoleCaller.current(), name);
        }
    }

    @Service
    @Command(
            scope = "sellcraft",
            name = "module-uninstall",
            description = "Uninstall a module that no installed module needs; its data stays")
    public static class Uninstall extends ModuleOperation {

        @Override
        ModuleChange operate() {
            return modules.uninstall(ConsoleCaller.current(), name);
        }
    }

    @Service
    @Command(
            scope = "sellcraft",
            name = "module-update",
            description = "Move a module to its newest version, or reload its rebuilt bundles")
    public static class Update extends ModuleOperation {

        @Override
        ModuleChange operate() {
            return modules.update(ConsoleCaller.current(), name);
        }
    }

    @Service
    @Command(
            scope = "sellcraft",
            name = "edition",
            description = "Show the edition, or switch to another one (small, midsize, enterprise)")
    public static class Edition implements Action {

        @Argument(index = 0, name = "edition", description = "The edition to switch to")
        String edition;

        @Reference
        ModuleService modules;

        @Override
        public Object execute() {
            if (edition == null) {
                System.out.println(modules.edition());
            } else {
                print(modules.switchEdition(ConsoleCaller.current(), edition));
            }
            return null;
        }
    }
}
