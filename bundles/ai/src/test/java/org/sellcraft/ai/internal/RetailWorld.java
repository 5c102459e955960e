package org.sellcraft.ai.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.health.internal.HealthConfig;
import org.sellcraft.health.internal.HealthServiceImpl;
import org.sellcraft.importer.internal.ImportServiceImpl;
import org.sellcraft.security.internal.AccessPolicyImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * The full retail file imported once, with the platform's own importer and mapping, into a real store with the real
 * access policy, and the real customer health engine built on it: the platform outside OSGi.
 */
final class RetailWorld {

    static final Path FILE = Paths.get(System.getProperty("sellcraft.data", "../../../shared/data"))
            .resolve("uci-online-retail/online_retail.csv.gz");

    private static RetailWorld shared;

    final Path folder;
    final MapDbRecordStore store;
    final Types types = new Types();
    final RecordServiceImpl records;
    HealthServiceImpl health;

    private RetailWorld(Path folder) {
        this.folder = folder;
        this.store = new MapDbRecordStore(folder.resolve("store"));
        this.records = new RecordServiceImpl(store, types, new AccessPolicyImpl(store, NO_AUDIT), NO_AUDIT);
    }

    static synchronized RetailWorld get() throws Exception {
        if (shared == null) {
            RetailWorld fresh = new RetailWorld(Files.createTempDirectory("sellcraft-ai-retail"));
            fresh.importRetail();
            fresh.startHealth();
            Runtime.getRuntime().addShutdownHook(new Thread(fresh::delete));
            shared = fresh;
        }
        return shared;
    }

    private void importRetail() throws Exception {
        try (ImportServiceImpl imports = new ImportServiceImpl(records, types, folder.resolve("jobs"), 10_000, 2)) {
            ImportJob job = imports.start(Caller.system(), ImportRequest.of(FILE, "uci-online-retail"), j -> {});
            while (!job.finished()) {
                Thread.sleep(50);
                job = imports.job(job.id()).orElseThrow();
            }
            if (job.state() != ImportJob.State.DONE) {
                throw new IllegalStateException("The retail import failed: " + job.error());
            }
        }
    }

    /** The health engine as the container would start it: default settings, events and services faked. */
    private void startHealth() throws InterruptedException {
        HealthConfig config = (HealthConfig) Proxy.newProxyInstance(
                HealthConfig.class.getClassLoader(),
                new Class<?>[] {HealthConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        EventAdmin events = (EventAdmin) Proxy.newProxyInstance(
                EventAdmin.class.getClassLoader(), new Class<?>[] {EventAdmin.class}, (proxy, method, args) -> null);
        BundleContext context = (BundleContext) Proxy.newProxyInstance(
                BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args[1] instanceof RecordType type) {
                        types.add(type);
                    }
                    return null;
                });
        health = new HealthServiceImpl(records, events, config, context);
        long deadline = System.currentTimeMillis() + 120_000;
        while (!health.ready() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (!health.ready()) {
            throw new IllegalStateException("Customer health did not build within two minutes");
        }
    }

    private void delete() {
        store.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The core types, the AI types and whatever the health engine registers. */
    static final class Types implements RecordTypeRegistry {
        private final Map<String, RecordType> byName = new ConcurrentHashMap<>();

        Types() {
            SalesTypes.all().forEach(this::add);
            add(Runs.RUN_TYPE);
            add(Runs.CARD_TYPE);
            add(Runs.PROMPT_TYPE);
        }

        void add(RecordType type) {
            byName.put(type.name(), type);
        }

        @Override
        public Optional<RecordType> byName(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        @Override
        public Optional<RecordType> byCollection(String collection) {
            return byName.values().stream()
                    .filter(type -> type.collection().equals(collection))
                    .findFirst();
        }

        @Override
        public Collection<RecordType> all() {
            return List.copyOf(byName.values());
        }
    }

    static final AuditLog NO_AUDIT = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, String detail, String from) {}

        @Override
        public List<AuditEntry> query(
                String actor, String action, java.time.Instant from, java.time.Instant to, int limit) {
            return List.of();
        }
    };
}
