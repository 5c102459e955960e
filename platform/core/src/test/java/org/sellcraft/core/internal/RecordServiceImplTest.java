package org.sellcraft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordQuery.Filter;
import org.sellcraft.api.service.RecordQuery.Operator;
import org.sellcraft.api.service.UnknownTypeException;
import org.sellcraft.api.service.UpsertResult;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.api.service.VersionConflictException;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class RecordServiceImplTest {

    private static final Caller ADMIN = Caller.system();

    @TempDir
    Path dir;

    private MapDbRecordStore store;
    private RecordServiceImpl records;

    @BeforeEach
    void open() {
        store = new MapDbRecordStore(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        records = new RecordServiceImpl(
                store, new CoreRecordTypes(), new PlatformOnlyPolicy(), RecordServiceImpl.NO_AUDIT, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Record opportunity(String code, String stage, Object value) {
        return records.create(ADMIN, "opportunity", Map.of("code", code, "stage", stage, "value", value));
    }

    @Test
    void createConvertsJsonValuesAndDerivesTheIdFromTheNaturalKey() {
        Record created = records.create(
                ADMIN,
                "opportunity",
                Map.of("code", "1C1I7A6R", "stage", "Won", "value", 1054, "closeDate", "2017-03-01"));

        assertEquals(RecordIds.fromKey("opportunity", "1C1I7A6R"), created.id());
        assertEquals(1, created.version());
        assertEquals(new BigDecimal("1054"), created.get("value"));
        assertEquals(LocalDate.of(2017, 3, 1), created.get("closeDate"));
        assertEquals(created, records.get(ADMIN, "opportunity", created.id()));
    }

    @Test
    void invalidValuesNameTheFieldAndTheReason() {
        ValidationException badDate = assertThrows(
                ValidationException.class,
                () -> records.create(ADMIN, "opportunity", Map.of("stage", "Won", "closeDate", "01/03/2017")));
        assertEquals("closeDate", badDate.field());
        assertEquals("Field 'closeDate': is not a valid date (YYYY-MM-DD) (value '01/03/2017')", badDate.getMessage());

        ValidationException badStage = assertThrows(
                ValidationException.class, () -> records.create(ADMIN, "opportunity", Map.of("stage", "Maybe")));
        assertEquals("stage", badStage.field());

        ValidationException missing =
                assertThrows(ValidationException.class, () -> records.create(ADMIN, "opportunity", Map.of()));
        assertEquals("Field 'stage': is required", missing.getMessage());

        ValidationException unknown = assertThrows(
                ValidationException.class,
                () -> records.create(ADMIN, "opportunity", Map.of("stage", "Won", "colour", "red")));
        assertEquals("colour", unknown.field());
        assertEquals(0, records.count(ADMIN, "opportunity"), "nothing is stored after a refusal");
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndKeepsTheStoredValues() {
        Record created = opportunity("A", "Engaging", 0);
        Record updated = records.update(ADMIN, "opportunity", created.id(), 1, Map.of("stage", "Won", "value", 900));
        assertEquals(2, updated.version());

        VersionConflictException conflict = assertThrows(
                VersionConflictException.class,
                () -> records.update(ADMIN, "opportunity", created.id(), 1, Map.of("stage", "Lost")));

        assertEquals(2, conflict.currentVersion());
        assertEquals("Won", records.get(ADMIN, "opportunity", created.id()).get("stage"));
    }

    @Test
    void creatingTheSameNaturalKeyTwiceIsAConflict() {
        opportunity("A", "Won", 10);

        assertThrows(VersionConflictException.class, () -> opportunity("A", "Lost", 0));
    }

    @Test
    void deleteNeedsTheCurrentVersionAndThenTheRecordIsGone() {
        Record created = opportunity("A", "Won", 10);

        assertThrows(VersionConflictException.class, () -> records.delete(ADMIN, "opportunity", created.id(), 7));
        records.delete(ADMIN, "opportunity", created.id(), 1);

        assertThrows(RecordNotFoundException.class, () -> records.get(ADMIN, "opportunity", created.id()));
    }

    @Test
    void listFiltersSortsAndPages() {
        opportunity("A", "Won", 300);
        opportunity("B", "Won", 100);
        opportunity("C", "Lost", 0);
        opportunity("D", "Won", 200);

        Page<Record> page = records.list(
                ADMIN,
                new RecordQuery(
                        "opportunity",
                        List.of(
                                new Filter("stage", Operator.EQUALS, "Won"),
                                new Filter("value", Operator.AT_LEAST, "150")),
                        "value",
                        true,
                        0,
                        1));

        assertEquals(2, page.total());
        assertEquals(List.of("A"), page.items().stream().map(r -> r.get("code")).toList());
    }

    @Test
    void filteringOnAFieldThatIsNotFilterableIsRefused() {
        ValidationException refused = assertThrows(
                ValidationException.class,
                () -> records.list(
                        ADMIN,
                        new RecordQuery(
                                "account", List.of(new Filter("legalId", Operator.EQUALS, "x")), null, false, 0, 10)));

        assertEquals("legalId", refused.field());
    }

    @Test
    void upsertMergesOrderLinesAcrossBatchesAndIsIdempotent() {
        Map<String, Object> firstHalf = order("536365", line(1, 6), line(2, 8));
        Map<String, Object> secondHalf = order("536365", line(3, -2));

        assertEquals(new UpsertResult(1, 0, 0), records.upsert(ADMIN, "order", List.of(firstHalf)));
        assertEquals(new UpsertResult(0, 1, 0), records.upsert(ADMIN, "order", List.of(secondHalf)));
        assertEquals(new UpsertResult(0, 0, 1), records.upsert(ADMIN, "order", List.of(firstHalf)));

        Record order = records.get(ADMIN, "order", RecordIds.fromKey("order", "536365"));
        List<?> lines = (List<?>) order.get("lines");
        assertEquals(3, lines.size());
        assertEquals(2, order.version());
    }

    @Test
    void upsertRefusesTheWholeBatchWhenOneRowIsInvalid() {
        Map<String, Object> good = order("1", line(1, 1));
        Map<String, Object> bad = order("2", Map.of("lineNo", 1, "sku", "X", "quantity", "many", "unitPrice", 1));

        ValidationException refused =
                assertThrows(ValidationException.class, () -> records.upsert(ADMIN, "order", List.of(good, bad)));

        assertEquals("rows[1].lines[0].quantity", refused.field());
        assertEquals(0, records.count(ADMIN, "order"));
    }

    @Test
    void unknownTypesAreNamed() {
        UnknownTypeException unknown = assertThrows(UnknownTypeException.class, () -> records.count(ADMIN, "invoice"));

        assertEquals("Unknown record type 'invoice': no installed module defines it", unknown.getMessage());
    }

    private static Map<String, Object> order(String number, Map<?, ?>... lines) {
        return Map.of("orderNumber", number, "orderedAt", "2010-12-01T08:26:00", "lines", List.of(lines));
    }

    private static Map<String, Object> line(int no, int quantity) {
        return Map.of("lineNo", no, "sku", "85123A", "quantity", quantity, "unitPrice", "2.55");
    }

    @Test
    void aFilterFollowsAReferenceToTheFieldsOfTheRecordItPointsTo() {
        Record east = records.create(ADMIN, "region", Map.of("code", "East", "name", "East"));
        Record west = records.create(ADMIN, "region", Map.of("code", "West", "name", "West"));
        Record anna = records.create(ADMIN, "rep", Map.of("code", "Anna", "name", "Anna", "regionId", east.id()));
        Record boris = records.create(ADMIN, "rep", Map.of("code", "Boris", "name", "Boris", "regionId", west.id()));
        for (String code : List.of("A1", "A2", "B1")) {
            String owner = code.startsWith("A") ? anna.id() : boris.id();
            records.create(ADMIN, "opportunity", Map.of("code", code, "stage", "Won", "value", 10, "ownerId", owner));
        }
        records.create(ADMIN, "opportunity", Map.of("code", "N1", "stage", "Won", "value", 10));

        Page<Record> eastDeals = records.list(
                ADMIN,
                new RecordQuery(
                        "opportunity",
                        List.of(new Filter("ownerId.regionId", Operator.EQUALS, east.id())),
                        "code",
                        false,
                        0,
                        10));
        assertEquals(
                List.of("A1", "A2"),
                eastDeals.items().stream().map(r -> r.get("code")).toList());
        Page<Record> byName = records.list(
                ADMIN,
                new RecordQuery(
                        "opportunity",
                        List.of(new Filter("ownerId.name", Operator.CONTAINS, "bor")),
                        null,
                        false,
                        0,
                        10));
        assertEquals(1, byName.total());

        ValidationException nowhere = assertThrows(
                ValidationException.class,
                () -> records.list(
                        ADMIN,
                        new RecordQuery(
                                "opportunity",
                                List.of(new Filter("stage.name", Operator.EQUALS, "x")),
                                null,
                                false,
                                0,
                                10)));
        assertEquals("stage.name", nowhere.field());
        ValidationException unknown = assertThrows(
                ValidationException.class,
                () -> records.list(
                        ADMIN,
                        new RecordQuery(
                                "opportunity",
                                List.of(new Filter("ownerId.colour", Operator.EQUALS, "x")),
                                null,
                                false,
                                0,
                                10)));
        assertEquals("ownerId.colour", unknown.field());
    }

    @Test
    void anEmptyFilterValueFindsTheRecordsWithoutOneAndAnEmptyBoundIsRefused() {
        opportunity("X1", "Won", 10);
        records.create(
                ADMIN, "opportunity", Map.of("code", "X2", "stage", "Won", "value", 20, "closeDate", "2017-03-01"));

        Page<Record> undated = records.list(
                ADMIN,
                new RecordQuery(
                        "opportunity", List.of(new Filter("closeDate", Operator.EQUALS, "")), null, false, 0, 10));
        assertEquals(
                List.of("X1"), undated.items().stream().map(r -> r.get("code")).toList());
        ValidationException empty = assertThrows(
                ValidationException.class,
                () -> records.list(
                        ADMIN,
                        new RecordQuery(
                                "opportunity",
                                List.of(new Filter("closeDate", Operator.AT_LEAST, "")),
                                null,
                                false,
                                0,
                                10)));
        assertEquals("closeDate", empty.field());
    }

    @Test
    void aReferenceToARecordThatDoesNotExistIsRefusedAndNothingIsStored() {
        ValidationException dangling = assertThrows(
                ValidationException.class,
                () -> records.create(
                        ADMIN,
                        "opportunity",
                        Map.of(
                                "code",
                                "D1",
                                "stage",
                                "Won",
                                "value",
                                1,
                                "ownerId",
                                RecordIds.fromKey("rep", "Nobody"))));
        assertEquals("ownerId", dangling.field());
        assertEquals("points to no rep with this id", dangling.reason());
        Record manager = records.create(ADMIN, "manager", Map.of("code", "Maria", "name", "Maria"));
        records.create(ADMIN, "opportunity", Map.of("code", "M1", "stage", "Won", "value", 1, "ownerId", manager.id()));

        ValidationException inBatch = assertThrows(
                ValidationException.class,
                () -> records.upsertAll(ADMIN, Map.of("order", List.of(orderOfProduct("85123A")))));
        assertEquals("rows[0].lines[0].productId", inBatch.field());
        assertEquals(1, records.count(ADMIN, "opportunity") + records.count(ADMIN, "order"), "a manager owns M1");

        java.util.LinkedHashMap<String, List<Map<String, Object>>> together = new java.util.LinkedHashMap<>();
        together.put("product", List.of(Map.of("sku", "85123A", "name", "Heart T-light holder")));
        together.put("order", List.of(orderOfProduct("85123A")));
        records.upsertAll(ADMIN, together);
        assertEquals(1, records.count(ADMIN, "order"), "a product written in the same transaction exists");
    }

    /** An order with one line that names its product by the product's record id. */
    private static Map<String, Object> orderOfProduct(String sku) {
        Map<String, Object> line = Map.of(
                "lineNo",
                1,
                "sku",
                sku,
                "quantity",
                6,
                "unitPrice",
                2.55,
                "productId",
                RecordIds.fromKey("product", sku));
        return Map.of("orderNumber", "536365", "orderedAt", "2010-12-01T08:26:00Z", "lines", List.of(line));
    }
}
