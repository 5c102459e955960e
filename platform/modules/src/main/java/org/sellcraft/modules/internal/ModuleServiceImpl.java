package org.sellcraft.modules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeatureState;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sellcraft.api.module.ModuleChange;
import org.sellcraft.api.module.ModuleException;
import org.sellcraft.api.module.ModuleInfo;
import org.sellcraft.api.module.ModuleService;
import org.sellcraft.api.module.ModuleState;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sellcraft's modules on top of Karaf's feature service. Operations run one at a time on a thread of their own, so
 * that a refresh of bundles never runs on an HTTP or console thread whose bundle it may restart; callers wait for
 * the result. The edition in the configuration is applied when it differs from the one applied last, so that a
 * module an administrator removed on purpose is not brought back by a restart. The component waits for Karaf's
 * boot features to be installed, so that it never plans an edition from a half-booted server.
 */
@Component(service = ModuleService.class, immediate = true, configurationPid = ModuleServiceImpl.PID)
@Designate(ocd = ModuleServiceImpl.Config.class)
public class ModuleServiceImpl implements ModuleService {

    static final String PID = "org.sellcraft.modules";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleServiceImpl.class);
    private static final String PREFIX = "sellcraft-";
    private static final String APPLIED_EDITION_FILE = "applied-edition";

    @ObjectClassDefinition(
            name = "Sellcraft modules",
            description = "Editions and the modules an administrator manages")
    public @interface Config {

        @AttributeDefinition(
                name = "Edition",
                description = "The edition this server runs: small, midsize or enterprise. Changing it installs the"
                        + " edition's missing modules and uninstalls those of the other editions it does not hold")
        String edition() default "small";

        @AttributeDefinition(name = "Editions", description = "The editions, smallest first (feature sellcraft-<name>)")
        String[] editions() default {"small", "midsize", "enterprise"};

        @AttributeDefinition(
                name = "Runtimes",
                description = "Features named sellcraft-* that only package third-party libraries; they are not"
                        + " modules an administrator manages")
        String[] runtimes() default {"sellcraft-jersey", "sellcraft-mapdb"};

        @AttributeDefinition(
                name = "Longest operation (seconds)",
                description = "How long an install, uninstall, update or edition switch may take before it is"
                        + " reported as failed")
        int timeoutSeconds() default 300;
    }

    private final FeaturesService features;
    private final AuditLog audit;
    private final ConfigurationAdmin configurations;
    private final BundleContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sellcraft-modules");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Config config;

    @Activate
    public ModuleServiceImpl(
            @Reference FeaturesService features,
            @Reference AuditLog audit,
            @Reference ConfigurationAdmin configurations,
            @Reference BootFinished bootFinished,
            BundleContext context,
            Config config) {
        this.features = features;
        this.audit = audit;
        this.configurations = configurations;
        this.context = context;
        apply(config);
    }

    @Modified
    void apply(Config changed) {
        this.config = changed;
        String wanted = changed.edition().trim();
        if (wanted.equals(appliedEdition().orElse(null))) {
            return;
        }
        // Not on the configuration thread: an edition switch installs features and may take a while.
        worker.execute(() -> {
            try {
                ModuleChange change = switchNow(Caller.system(), wanted);
                LOG.info(
                        "Edition '{}' applied from the configuration: installed {}, uninstalled {}",
                        wanted,
                        change.installed(),
                        change.uninstalled());
            } catch (RuntimeException e) {
                LOG.error("Edition '{}' from the configuration could not be applied", wanted, e);
            }
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public List<ModuleInfo> modules() {
        return graph().modules();
    }

    @Override
    public Optional<ModuleInfo> module(String name) {
        ModuleGraph graph = graph();
        return graph.contains(name) ? Optional.of(graph.info(name)) : Optional.empty();
    }

    @Override
    public ModuleChange install(Caller caller, String name) {
        return run(caller, "install", name, () -> {
            ModuleGraph graph = graph();
            graph.node(name);
            Set<String> before = installedNames(graph);
            long start = System.nanoTime();
            features.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
            return change("install", name, before, start);
        });
    }

    @Override
    public ModuleChange uninstall(Caller caller, String name) {
        return run(caller, "uninstall", name, () -> {
            ModuleGraph graph = graph();
            graph.checkRemovable(name);
            Set<String> before = installedNames(graph);
            long start = System.nanoTime();
            Feature feature = installedFeature(name);
            features.uninstallFeature(name, feature.getVersion(), EnumSet.noneOf(FeaturesService.Option.class));
            return change("uninstall", name, before, start);
        });
    }

    @Override
    public ModuleChange update(Caller caller, String name) {
        return run(caller, "update", name, () -> {
            ModuleGraph graph = graph();
            if (graph.node(name).state() == ModuleState.UNINSTALLED) {
                throw new ModuleException(
                        ModuleException.Reason.NOT_INSTALLED, "Module '" + name + "' is not installed");
            }
            Set<String> before = installedNames(graph);
            long start = System.nanoTime();
            Feature current = installedFeature(name);
            Feature newest = newest(name);
            EnumSet<FeaturesService.Option> options = EnumSet.noneOf(FeaturesService.Option.class);
            if (Version.parseVersion(newest.getVersion()).compareTo(Version.parseVersion(current.getVersion())) > 0) {
                features.installFeature(name, newest.getVersion(), options);
                features.uninstallFeature(name, current.getVersion(), options);
            } else {
                reload(current);
            }
            return change("update", name, before, start);
        });
    }

    @Override
    public List<String> editions() {
        return Arrays.stream(config.editions()).map(String::trim).toList();
    }

    @Override
    public String edition() {
        return appliedEdition().orElse(config.edition().trim());
    }

    @Override
    public ModuleChange switchEdition(Caller caller, String edition) {
        ModuleChange change = submit(caller, "edition", edition, () -> switchNow(caller, edition));
        // Written back so that the next start runs the same edition; apply() then sees nothing to do.
        try {
            Configuration configuration = configurations.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
            }
            properties.put("edition", edition);
            configuration.update(properties);
        } catch (IOException e) {
            LOG.warn("Edition '{}' is running but could not be saved in the configuration", edition, e);
        }
        return change;
    }

    /** Runs on the worker thread. */
    private ModuleChange switchNow(Caller caller, String edition) {
        if (!editions().contains(edition)) {
            throw new ModuleException(
                    ModuleException.Reason.UNKNOWN,
                    "There is no edition '" + edition + "'; the editions are " + String.join(", ", editions()));
        }
        ModuleGraph graph = graph();
        List<String> editionFeatures =
                editions().stream().map(name -> PREFIX + name).toList();
        ModuleGraph.EditionPlan plan = graph.planEdition(PREFIX + edition, editionFeatures);
        Set<String> before = installedNames(graph);
        long start = System.nanoTime();
        EnumSet<FeaturesService.Option> options = EnumSet.noneOf(FeaturesService.Option.class);
        try {
            if (!plan.install().isEmpty()) {
                features.installFeatures(new LinkedHashSet<>(plan.install()), options);
            }
            // Only what was installed by its own name can be uninstalled by name; the rest goes with it.
            Set<String> uninstall = new LinkedHashSet<>();
            for (String name : plan.uninstall()) {
                Feature feature = installedFeature(name);
                if (features.isRequired(feature)) {
                    uninstall.add(feature.getId());
                }
            }
            if (!uninstall.isEmpty()) {
                features.uninstallFeatures(uninstall, options);
            }
            writeAppliedEdition(edition);
        } catch (ModuleException e) {
            throw e;
        } catch (Exception e) {
            throw failed("switch to edition " + edition, e);
        }
        ModuleChange change = change("edition", edition, before, start);
        audit.record(
                caller.userName(),
                "edition-switched",
                "edition/" + edition,
                "installed " + change.installed() + ", uninstalled " + change.uninstalled(),
                caller.address());
        return change;
    }

    /** Runs a module operation on the worker thread and writes it, or its refusal, to the audit log. */
    private ModuleChange run(Caller caller, String operation, String name, FeatureWork work) {
        ModuleChange change = submit(caller, operation, name, () -> {
            try {
                return work.run();
            } catch (ModuleException e) {
                throw e;
            } catch (Exception e) {
                throw failed(operation + " " + name, e);
            }
        });
        audit.record(
                caller.userName(),
                "module-" + operation + (operation.endsWith("e") ? "d" : "ed"),
                "module/" + name,
                "installed " + change.installed() + ", uninstalled " + change.uninstalled() + " in "
                        + change.took().toMillis() + " ms",
                caller.address());
        LOG.info(
                "Module '{}': {} by '{}' took {} ms",
                name,
                operation,
                caller.userName(),
                change.took().toMillis());
        return change;
    }

    private ModuleChange submit(Caller caller, String operation, String target, Supplier<ModuleChange> work) {
        if (!busy.compareAndSet(false, true)) {
            throw new ModuleException(
                    ModuleException.Reason.BUSY, "Another module operation is running; try again when it has finished");
        }
        try {
            return CompletableFuture.supplyAsync(work, worker).get(config.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModuleException refused) {
                audit.record(
                        caller.userName(),
                        "module-refused",
                        "module/" + target,
                        operation + ": " + refused.getMessage(),
                        caller.address());
                throw refused;
            }
            throw failed(operation + " " + target, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ModuleException(
                    ModuleException.Reason.FAILED,
                    operation + " " + target + " did not finish within " + config.timeoutSeconds()
                            + " s; it goes on in the background, see the module list for its state",
                    List.of(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(operation + " " + target, e);
        } finally {
            busy.set(false);
        }
    }

    private static ModuleException failed(String what, Throwable cause) {
        LOG.error("Could not {}", what, cause);
        return new ModuleException(
                ModuleException.Reason.FAILED,
                "Could not " + what + ": " + (cause == null ? "unknown reason" : cause.getMessage()),
                List.of(),
                cause);
    }

    /**
     * Reloads the bundles of an installed feature from their locations and refreshes them, for a module whose
     * version did not change but whose bundles were rebuilt.
     */
    private void reload(Feature feature) throws BundleException, InterruptedException {
        List<Bundle> bundles = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = context.getBundle(info.getLocation());
            if (bundle != null) {
                bundles.add(bundle);
            }
        }
        for (Bundle bundle : bundles) {
            bundle.update();
        }
        CompletableFuture<Void> refreshed = new CompletableFuture<>();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                refreshed.completeExceptionally(event.getThrowable());
            } else {
                refreshed.complete(null);
            }
        });
        try {
            refreshed.get(config.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new BundleException("Refreshing " + feature.getName() + " failed", e);
        }
    }

    private ModuleChange change(String operation, String target, Set<String> before, long startNanos) {
        ModuleGraph after = graph();
        Set<String> now = installedNames(after);
        List<String> installed =
                now.stream().filter(name -> !before.contains(name)).toList();
        List<String> uninstalled =
                before.stream().filter(name -> !now.contains(name)).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        ModuleInfo module = "edition".equals(operation) || !after.contains(target) ? null : after.info(target);
        return new ModuleChange(operation, target, installed, uninstalled, took, module);
    }

    private static Set<String> installedNames(ModuleGraph graph) {
        Set<String> names = new LinkedHashSet<>();
        for (ModuleInfo info : graph.modules()) {
            if (info.installed()) {
                names.add(info.name());
            }
        }
        return names;
    }

    /** The graph of Sellcraft's modules as the feature service knows them now, one node per feature name. */
    private ModuleGraph graph() {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw failed("list the features", e);
        }
        Set<String> runtimes = Set.of(config.runtimes());
        Set<String> editionNames = new LinkedHashSet<>();
        editions().forEach(edition -> editionNames.add(PREFIX + edition));

        List<ModuleGraph.Node> nodes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Feature feature : all) {
            String name = feature.getName();
            if (!name.startsWith(PREFIX) || runtimes.contains(name) || feature.isHidden() || !seen.add(name)) {
                continue;
            }
            Feature shown = installedOrNewest(all, name);
            List<String> dependencies = shown.getDependencies().stream()
                    .map(Dependency::getName)
                    .filter(dependency -> dependency.startsWith(PREFIX) && !runtimes.contains(dependency))
                    .toList();
            nodes.add(new ModuleGraph.Node(
                    name,
                    shown.getVersion(),
                    shown.getDescription(),
                    state(shown),
                    editionNames.contains(name),
                    dependencies));
        }
        return new ModuleGraph(nodes);
    }

    private Feature installedOrNewest(Feature[] all, String name) {
        Feature newest = null;
        for (Feature feature : all) {
            if (!feature.getName().equals(name)) {
                continue;
            }
            if (features.isInstalled(feature)) {
                return feature;
            }
            if (newest == null
                    || Version.parseVersion(feature.getVersion()).compareTo(Version.parseVersion(newest.getVersion()))
                            > 0) {
                newest = feature;
            }
        }
        return newest;
    }

    private Feature newest(String name) throws Exception {
        Feature newest = null;
        for (Feature feature : features.listFeatures()) {
            if (feature.getName().equals(name)
                    && (newest == null
                            || Version.parseVersion(feature.getVersion())
                                            .compareTo(Version.parseVersion(newest.getVersion()))
                                    > 0)) {
                newest = feature;
            }
        }
        return newest;
    }

    private Feature installedFeature(String name) throws Exception {
        for (Feature feature : features.listInstalledFeatures()) {
            if (feature.getName().equals(name)) {
                return feature;
            }
        }
        throw new ModuleException(ModuleException.Reason.NOT_INSTALLED, "Module '" + name + "' is not installed");
    }

    private ModuleState state(Feature feature) {
        if (!features.isInstalled(feature)) {
            return ModuleState.UNINSTALLED;
        }
        FeatureState state = features.getState(feature.getId());
        return state == FeatureState.Started ? ModuleState.STARTED : ModuleState.INSTALLED;
    }

    private Optional<String> appliedEdition() {
        Path file = context.getDataFile(APPLIED_EDITION_FILE).toPath();
        try {
            return Files.exists(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
                    : Optional.empty();
        } catch (IOException e) {
            LOG.warn("Could not read which edition was applied last from '{}'", file, e);
            return Optional.empty();
        }
    }

    private void writeAppliedEdition(String edition) throws IOException {
        Files.writeString(context.getDataFile(APPLIED_EDITION_FILE).toPath(), edition, StandardCharsets.UTF_8);
    }

    /** A step that talks to the feature service, which declares plain exceptions. */
    @FunctionalInterface
    private interface FeatureWork {
        ModuleChange run() throws Exception;
    }
}
