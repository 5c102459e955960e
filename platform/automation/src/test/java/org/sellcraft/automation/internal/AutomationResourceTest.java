package org.sellcraft.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class AutomationResourceTest {

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private AutomationServiceImpl automation;
    private AutomationResource resource;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder.resolve("store"));
        CoreRecordTypes types = new CoreRecordTypes(AutomationServiceImpl.recordTypes());
        automation = new AutomationServiceImpl(new RecordServiceImpl(store, types), types, Clock.systemUTC());
        resource = new AutomationResource(automation);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static SecurityContext admin() {
        return TestSecurity.as(Caller.system());
    }

    private static Map<String, Object> rule(String condition) {
        return Map.of(
                "name",
                "Big account",
                "trigger",
                Map.of("kind", "EVENT", "recordType", "account", "action", "CREATED"),
                "condition",
                condition,
                "actions",
                List.of());
    }

    @Test
    void aConditionThatDoesNotParseIsRefusedWith422NamingLineAndColumn() {
        Response response = resource.save("big", rule("employees > 100 &&\n  (annualRevenue >"), admin());

        assertEquals(422, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) response.getEntity();
        assertEquals(422, problem.get("status"));
        assertEquals("condition", problem.get("field"));
        assertEquals(2, problem.get("line"));
        String detail = (String) problem.get("detail");
        assertTrue(
                detail.startsWith("The condition does not parse at line 2, column " + problem.get("column")), detail);
        assertTrue(automation.rules().isEmpty());
    }

    @Test
    void aRuleThatParsesIsSavedWith201() {
        Response response = resource.save("big", rule("employees > 100"), admin());

        assertEquals(201, response.getStatus());
        assertEquals(1, automation.rule("big").orElseThrow().version());
    }
}
