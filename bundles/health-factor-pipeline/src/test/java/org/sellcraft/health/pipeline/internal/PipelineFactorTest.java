package org.sellcraft.health.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class PipelineFactorTest {

    private static final HealthContext CONTEXT = new HealthContext(
            LocalDate.of(2017, 6, 30), new HealthSettings("", "UTC", 365, 90, 30, 70, 50, 180, Map.of(), List.of()));

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private final List<String> rescored = new ArrayList<>();
    private PipelineFactor factor;
    private String accountId;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder);
        records = new RecordServiceImpl(store, new CoreRecordTypes());
        accountId = records.create(Caller.system(), "account", Map.of("code", "A1", "name", "Acme"))
                .id();
        opportunity("O1", "Won", "1200");
        factor = new PipelineFactor(records, events());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aCustomerWithoutOpportunitiesIsNotJudgedOnThePipeline() {
        FactorResult result = factor.evaluate(history("someone-else"), CONTEXT);

        assertFalse(result.applicable());
    }

    @Test
    void onlyClosedOpportunitiesCostPoints() {
        FactorResult result = factor.evaluate(history(accountId), CONTEXT);

        assertEquals(PipelineFactor.CLOSED_SCORE, result.score());
        assertEquals("No open opportunities (1 closed)", result.sentence().en());
    }

    @Test
    void aNewOpenOpportunityIsIndexedAndItsCustomerRescored() {
        Record open = opportunity("O2", "Negotiation", "5300.50");

        factor.handleEvent(event(open.id(), RecordEvents.CREATED));
        FactorResult result = factor.evaluate(history(accountId), CONTEXT);

        assertEquals(1, result.score());
        assertEquals("1 open opportunities worth 5,300.50", result.sentence().en());
        assertEquals("1 个在途商机，金额 5,300.50", result.sentence().zh());
        assertEquals(List.of(accountId), rescored);
    }

    private Record opportunity(String code, String stage, String value) {
        return records.create(
                Caller.system(),
                "opportunity",
                Map.of("code", code, "accountId", accountId, "stage", stage, "value", new BigDecimal(value)));
    }

    private static CustomerHistory history(String account) {
        return new CustomerHistory(account, null, List.of(), List.of(), List.of());
    }

    private static Event event(String id, String action) {
        return new Event(
                RecordEvents.topic("opportunity", action),
                Map.of(RecordEvents.TYPE, "opportunity", RecordEvents.ID, id));
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
}
