package org.sellcraft.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sellcraft.api.record.FieldDef.field;

import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.ExceptionMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordRefusedException;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/** A write a record guard refuses, through the generic record endpoint: nothing stored, 409 with the reason. */
class RecordRefusalTest {

    private static final RecordType JOB = new RecordType(
            "job",
            "jobs",
            "Job",
            "作业",
            List.of(
                    field("code", FieldKind.TEXT).required().build(),
                    field("partnerId", FieldKind.TEXT).build()),
            List.of("code"));
    private static final String REASON = "Partner 'p-9' is frozen for new work orders since 2018-02-01T00:00:00Z";

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private RecordResource resource;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder.resolve("store"));
        CoreRecordTypes types = new CoreRecordTypes(List.of(JOB));
        records = new RecordServiceImpl(store, types);
        records.addGuard((caller, type, current, fields) -> {
            if (current == null && "p-9".equals(fields.get("partnerId"))) {
                throw new RecordRefusedException(
                        "partnerId", "p-9", REASON, Map.of("reasonZh", "满意度低于 85%", "partnerId", "p-9"));
            }
        });
        resource = new RecordResource(records, types);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static SecurityContext system() {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return new CallerPrincipal(Caller.system());
            }

            @Override
            public boolean isUserInRole(String role) {
                return true;
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Response mapped(RuntimeException e) {
        ExceptionMapper<RecordRefusedException> mapper =
                (ExceptionMapper<RecordRefusedException>) ErrorMappers.all().stream()
                        .filter(m -> m instanceof ErrorMappers.Refused)
                        .findFirst()
                        .orElseThrow();
        return mapper.toResponse((RecordRefusedException) e);
    }

    @Test
    void aRefusedCreateThroughTheGenericEndpointIsA409WithTheReasonAndNothingIsStored() {
        RecordRefusedException refused = assertThrows(
                RecordRefusedException.class,
                () -> resource.create("jobs", Map.of("code", "J-1", "partnerId", "p-9"), null, system()));

        Response response = mapped(refused);
        assertEquals(409, response.getStatus());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("https://sellcraft.org/problems/record-refused", body.get("type"));
        assertEquals(REASON, body.get("detail"));
        assertEquals("partnerId", body.get("field"));
        assertEquals("满意度低于 85%", body.get("reasonZh"));
        assertEquals(0, records.count(Caller.system(), "job"));
    }

    @Test
    void aRefusedRowOfABatchNamesItsPlaceAndTheBatchIsNotStored() {
        RecordRefusedException refused = assertThrows(
                RecordRefusedException.class,
                () -> records.upsert(
                        Caller.system(),
                        "job",
                        List.of(Map.of("code", "J-2", "partnerId", "p-1"), Map.of("code", "J-3", "partnerId", "p-9"))));

        assertEquals("rows[1].partnerId", refused.field());
        assertEquals(REASON, refused.reason());
        assertEquals(0, records.count(Caller.system(), "job"));
    }
}
