package org.sellcraft.ecosystem.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.automation.internal.AutomationServiceImpl;
import org.sellcraft.automation.internal.NotifyAction;
import org.sellcraft.automation.internal.PublishEventAction;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.importer.internal.ImportServiceImpl;
import org.sellcraft.security.internal.AccessPolicyImpl;
import org.sellcraft.security.internal.StoredAuditLog;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * The Olist and SCMS partner files imported once, with the platform's importer and this bundle's mappings, into a
 * real store with the real access policy, and the rule engine with this bundle's actions and facts: the platform
 * outside OSGi.
 */
final class EcosystemStore {

    private static EcosystemStore shared;

    final Path folder;
    final MapDbRecordStore store;
    final CoreRecordTypes types;
    final RecordServiceImpl records;
    final AutomationServiceImpl automation;
    final Partners partners;
    private final StoredAuditLog audit;
    final List<Event> events = new ArrayList<>();

    private EcosystemStore(Path folder) {
        this.folder = folder;
        this.store = new MapDbRecordStore(folder.resolve("store"));
        List<RecordType> all = new ArrayList<>(EcosystemTypes.ALL);
        all.addAll(AutomationServiceImpl.recordTypes());
        this.types = new CoreRecordTypes(all);
        this.audit = new StoredAuditLog(store);
        this.records = new RecordServiceImpl(store, types, new AccessPolicyImpl(store, audit), audit);
        this.automation = new AutomationServiceImpl(records, types, Clock.systemUTC());
        this.partners = new Partners(records, Clock.systemUTC());
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                synchronized (events) {
                    events.add(event);
                }
            }

            @Override
            public void sendEvent(Event event) {
                postEvent(event);
            }
        };
        EcosystemActions.all(records, partners, Clock.systemUTC()).forEach(automation::addAction);
        automation.addAction(new NotifyAction(eventAdmin));
        automation.addAction(new PublishEventAction(eventAdmin));
        automation.addSource(new SatisfactionSource(records));
        automation.addSource(new IdleEquipmentSource(records));
    }

    /** A store of its own with nothing imported, for tests that make their data; {@link #delete()} removes it. */
    /** Stores a record under a fixed id, for tests whose data names its regions or reps by such ids. */
    void existing(String type, String id, Map<String, Object> fields) {
        java.time.Instant now = java.time.Instant.now();
        store.write(List.of(new org.sellcraft.api.store.RecordWrite.Put(
                new org.sellcraft.api.record.Record(type, id, 1, now, now, fields), 0)));
    }

    static EcosystemStore empty() throws IOException {
        return new EcosystemStore(Files.createTempDirectory("sellcraft-ecosystem-empty"));
    }

    static synchronized EcosystemStore get() throws Exception {
        if (shared == null) {
            EcosystemStore fresh = new EcosystemStore(Files.createTempDirectory("sellcraft-ecosystem"));
            fresh.importAll();
            Runtime.getRuntime().addShutdownHook(new Thread(fresh::delete));
            shared = fresh;
        }
        return shared;
    }

    private void importAll() throws Exception {
        try (ImportServiceImpl imports = new ImportServiceImpl(records, types, folder.resolve("jobs"), 10_000, 10)) {
            load(imports, PartnerData.SELLERS, EcosystemMappings.OLIST_SELLERS);
            load(imports, PartnerData.ITEMS, EcosystemMappings.OLIST_ORDER_ITEMS);
            load(imports, PartnerData.ORDERS, EcosystemMappings.OLIST_ORDERS);
            load(imports, PartnerData.REVIEWS, EcosystemMappings.OLIST_REVIEWS);
            load(imports, PartnerData.SCMS, EcosystemMappings.SCMS_DELIVERIES);
        }
    }

    private static void load(ImportServiceImpl imports, Path file, ImportMapping mapping) throws Exception {
        ImportJob job =
                imports.start(Caller.system(), new ImportRequest(file, null, null, mapping, false, 0, null), j -> {});
        while (!job.finished()) {
            Thread.sleep(50);
            job = imports.job(job.id()).orElseThrow();
        }
        if (job.state() != ImportJob.State.DONE || job.rejected() > 0) {
            throw new IllegalStateException("Import of " + file + " with " + mapping.name() + " ended " + job.state()
                    + " with " + job.rejected() + " rejected rows: " + job.error());
        }
    }

    void delete() {
        audit.close();
        store.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
