package org.sellcraft.store.mapdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.service.VersionConflictException;
import org.sellcraft.api.store.RecordWrite;

class MapDbRecordStoreTest {

    @TempDir
    Path dir;

    private static Record order(String id, long version, int lines) {
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", (long) i);
            line.put("sku", "85123A");
            line.put("quantity", -6L);
            line.put("unitPrice", new BigDecimal("2.55"));
            line.put("returned", true);
            parts.add(line);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderNumber", "C536365");
        fields.put("orderedAt", Instant.parse("2010-12-01T08:26:00Z"));
        fields.put("closeDate", LocalDate.of(2017, 3, 1));
        fields.put("note", "含税价 £");
        fields.put("empty", null);
        fields.put("lines", parts);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Record("order", id, version, now, now, fields);
    }

    @Test
    void recordsSurviveReopeningWithEveryValueKind() {
        Record written = order("o1", 1, 3);
        try (MapDbRecordStore store = new MapDbRecordStore(dir)) {
            store.write(List.of(new RecordWrite.Put(written, 0)));
        }

        try (MapDbRecordStore store = new MapDbRecordStore(dir)) {
            Record read = store.get("order", "o1").orElseThrow();
            assertEquals(written, read);
            assertEquals(1, store.count("order"));
            assertEquals(Map.of("order", 1L), store.stats().countsByType());
        }
    }

    @Test
    void staleVersionRejectsTheWholeTransaction() {
        try (MapDbRecordStore store = new MapDbRecordStore(dir)) {
            store.write(List.of(new RecordWrite.Put(order("o1", 1, 1), 0)));

            List<RecordWrite> batch =
                    List.of(new RecordWrite.Put(order("o2", 1, 1), 0), new RecordWrite.Put(order("o1", 2, 1), 5));
            VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> store.write(batch));

            assertEquals(1, conflict.currentVersion());
            assertTrue(store.get("order", "o2").isEmpty(), "no part of a refused batch is stored");
        }
    }

    @Test
    void deleteRemovesTheRecord() {
        try (MapDbRecordStore store = new MapDbRecordStore(dir)) {
            store.write(List.of(new RecordWrite.Put(order("o1", 1, 1), 0)));
            store.write(List.of(new RecordWrite.Delete("order", "o1", 1)));

            assertTrue(store.get("order", "o1").isEmpty());
            assertEquals(0, store.count("order"));
        }
    }
}
