package org.sellcraft.examples.complaints.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthEvents;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class ComplaintsFactorTest {

    private static final HealthContext CONTEXT = new HealthContext(
            LocalDate.of(2011, 12, 9), new HealthSettings("", "UTC", 365, 90, 30, 70, 50, 180, Map.of(), List.of()));

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private final List<String> rescored = new ArrayList<>();
    private String acme;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder);
        records = new RecordServiceImpl(store, new CoreRecordTypes(List.of(ComplaintType.TYPE)));
        acme = records.create(Caller.system(), "account", Map.of("code", "A1", "name", "Acme"))
                .id();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aCustomerWithoutComplaintsIsNotJudgedOnThem() {
        FactorResult result = factor().evaluate(history(acme), CONTEXT);

        assertFalse(result.applicable());
        assertEquals("No complaints recorded", result.sentence().en());
    }

    @Test
    void complaintsStoredBeforeTheAddOnStartedCountAndAHighOneCostsTwice() {
        complaint("C-1", "2011-11-02", "medium", "open");
        complaint("C-2", "2011-10-15", "high", "open");
        complaint("C-3", "2011-09-01", "low", "closed");

        FactorResult result = factor().evaluate(history(acme), CONTEXT);

        assertEquals(1 - ComplaintsFactor.PER_OPEN - ComplaintsFactor.PER_HIGH, result.score(), 1e-9);
        assertEquals(2, result.value());
        assertEquals(
                "2 open complaints (1 high), the oldest C-2", result.sentence().en());
        assertEquals("2 个未结投诉（其中 1 个严重），最早的是 C-2", result.sentence().zh());
    }

    @Test
    void closingTheLastOpenComplaintRestoresTheFactorAndRescoresTheCustomer() {
        Record open = complaint("C-4", "2011-12-01", "high", "open");
        ComplaintsFactor factor = factor();
        assertEquals(0.5, factor.evaluate(history(acme), CONTEXT).score(), 1e-9);

        Record closed = records.update(
                Caller.system(), ComplaintType.NAME, open.id(), open.version(), Map.of("status", "closed"));
        factor.handleEvent(event(closed.id(), RecordEvents.UPDATED));

        FactorResult result = factor.evaluate(history(acme), CONTEXT);
        assertEquals(1, result.score());
        assertEquals("All complaints are closed", result.sentence().en());
        assertEquals(List.of(acme), rescored);
    }

    @Test
    void aDeletedComplaintLeavesTheIndex() {
        Record open = complaint("C-5", "2011-12-01", "low", "open");
        ComplaintsFactor factor = factor();

        records.delete(Caller.system(), ComplaintType.NAME, open.id(), open.version());
        factor.handleEvent(event(open.id(), RecordEvents.DELETED));

        assertFalse(factor.evaluate(history(acme), CONTEXT).applicable());
        assertEquals(List.of(acme), rescored);
    }

    private Record complaint(String reference, String openedOn, String severity, String status) {
        return records.create(
                Caller.system(),
                ComplaintType.NAME,
                Map.of(
                        "reference", reference,
                        "accountId", acme,
                        "openedOn", LocalDate.parse(openedOn),
                        "severity", severity,
                        "status", status));
    }

    private ComplaintsFactor factor() {
        return new ComplaintsFactor(records, events(), bundleContext());
    }

    private static CustomerHistory history(String account) {
        return new CustomerHistory(account, null, List.of(), List.of(), List.of());
    }

    private static Event event(String id, String action) {
        return new Event(
                RecordEvents.topic(ComplaintType.NAME, action),
                Map.of(RecordEvents.TYPE, ComplaintType.NAME, RecordEvents.ID, id));
    }

    /** An event admin that notes which customers the factor asks the engine to rescore. */
    private EventAdmin events() {
        return (EventAdmin) Proxy.newProxyInstance(
                EventAdmin.class.getClassLoader(), new Class<?>[] {EventAdmin.class}, (proxy, method, args) -> {
                    Event event = (Event) args[0];
                    if (method.getName().equals("postEvent") && event.getTopic().equals(HealthEvents.RESCORE)) {
                        rescored.add((String) event.getProperty(HealthEvents.ACCOUNT_ID));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + " " + event.getTopic());
                });
    }

    /** A bundle context that accepts the type's registration; the registry above knows the type already. */
    private static BundleContext bundleContext() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(
                ServiceRegistration.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> null);
        return (BundleContext) Proxy.newProxyInstance(
                BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
