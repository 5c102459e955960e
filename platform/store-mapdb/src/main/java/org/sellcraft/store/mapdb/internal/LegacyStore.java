package org.sellcraft.store.mapdb.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores written before the journal kept every record in MapDB's own transactional file only. Such a store is read
 * once, with MapDB's write-ahead log, into a new journal; the lookup file is then rebuilt from the journal.
 */
final class LegacyStore {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyStore.class);
    private static final String MAP_PREFIX = "records.";

    private LegacyStore() {}

    static void moveToJournal(Path mapdbFile, Path journalFile) throws IOException {
        DB legacy = DBMaker.fileDB(mapdbFile.toFile())
                .fileChannelEnable()
                .transactionEnable()
                .make();
        long[] records = {0};
        try (Journal journal = new Journal(journalFile, null)) {
            journal.rewrite(sink -> {
                for (String name : legacy.getAllNames()) {
                    if (name.startsWith(MAP_PREFIX)) {
                        legacy.hashMap(name, Serializer.STRING, Serializer.BYTE_ARRAY)
                                .open()
                                .getValues()
                                .forEach(record -> {
                                    sink.accept(record);
                                    records[0]++;
                                });
                    }
                }
            });
        } finally {
            legacy.close();
        }
        LOG.info("Record store '{}' moved {} records into its journal '{}'", mapdbFile, records[0], journalFile);
    }
}
