package org.sellcraft.store.mapdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
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

    @Test
    void aStoreLeftWithoutItsCleanCloseIsRebuiltFromItsJournal() throws Exception {
        Path copy = dir.resolve("copy");
        try (MapDbRecordStore store = new MapDbRecordStore(dir.resolve("live"))) {
            store.write(List.of(new RecordWrite.Put(order("o1", 1, 2), 0), new RecordWrite.Put(order("o2", 1, 1), 0)));
            store.write(List.of(new RecordWrite.Delete("order", "o2", 1)));
            // What a SIGKILL leaves: the files as they are while the store is open, with no clean mark.
            copyFolder(dir.resolve("live"), copy);
        }

        try (MapDbRecordStore store = new MapDbRecordStore(copy)) {
            assertEquals(order("o1", 1, 2), store.get("order", "o1").orElseThrow());
            assertTrue(store.get("order", "o2").isEmpty());
            assertEquals(1, store.count("order"));
        }
    }

    @Test
    void aTransactionCutShortByACrashIsDroppedWhole() throws Exception {
        Path live = dir.resolve("live");
        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            store.write(List.of(new RecordWrite.Put(order("o1", 1, 1), 0)));
            store.write(List.of(new RecordWrite.Put(order("o2", 1, 3), 0), new RecordWrite.Put(order("o3", 1, 3), 0)));
        }
        Path journal = live.resolve("records.journal");
        long whole = Files.size(journal);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(whole - 5);
        }
        Files.delete(live.resolve("records.clean"));

        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            assertTrue(store.get("order", "o1").isPresent());
            assertTrue(store.get("order", "o2").isEmpty(), "no part of the cut transaction");
            assertTrue(store.get("order", "o3").isEmpty(), "no part of the cut transaction");
            store.write(List.of(new RecordWrite.Put(order("o4", 1, 1), 0)));
        }
        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            assertEquals(2, store.count("order"), "the journal goes on after the cut");
        }
    }

    @Test
    void aJournalOfManyUpdatesIsCompactedOnCloseAndKeepsTheLatestVersions() throws Exception {
        Path live = dir.resolve("live");
        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            for (long version = 1; version <= 40; version++) {
                List<RecordWrite> writes = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    writes.add(new RecordWrite.Put(order("o" + i, version, 10), version - 1));
                }
                store.write(writes);
            }
        }
        long compacted = Files.size(live.resolve("records.journal"));

        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            assertEquals(300, store.count("order"));
            assertEquals(order("o7", 40, 10), store.get("order", "o7").orElseThrow());
        }
        Files.delete(live.resolve("records.mapdb"));
        try (MapDbRecordStore store = new MapDbRecordStore(live)) {
            assertEquals(order("o299", 40, 10), store.get("order", "o299").orElseThrow());
        }
        long oneVersion = 0;
        for (int i = 0; i < 300; i++) {
            oneVersion += RecordCodec.encode(order("o" + i, 40, 10)).length;
        }
        assertTrue(compacted < 2 * oneVersion, compacted + " bytes kept for " + oneVersion + " bytes of records");
    }

    @Test
    void aStoreWrittenByMapDbsOwnTransactionsMovesIntoTheJournal() {
        Path legacy = dir.resolve("legacy");
        legacy.toFile().mkdirs();
        DB old = DBMaker.fileDB(legacy.resolve("records.mapdb").toFile())
                .fileChannelEnable()
                .transactionEnable()
                .make();
        old.hashMap("records.order", Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen()
                .put("o1", RecordCodec.encode(order("o1", 4, 2)));
        old.commit();
        old.close();

        try (MapDbRecordStore store = new MapDbRecordStore(legacy)) {
            assertEquals(order("o1", 4, 2), store.get("order", "o1").orElseThrow());
        }
        assertTrue(Files.exists(legacy.resolve("records.journal")));
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
