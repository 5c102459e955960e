package org.sellcraft.store.mapdb.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.service.VersionConflictException;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded record store. Every transaction is first appended to the store's journal and forced to disk, then
 * applied to one MapDB file that holds a hash map per record type (id to encoded record) for lookups. Writes are
 * serialised through one lock, and each {@link #write} is one journal frame, so a killed process leaves either the
 * whole transaction or none of it.
 *
 * <p>MapDB runs without its own write-ahead log: in MapDB 3.1 that log left stores unreadable after a SIGKILL in
 * the import crash test. Instead a clean close writes down the journal's length beside the file; a start that does
 * not find that mark (the process was killed, or the machine lost power) rebuilds the MapDB file from the journal.
 */
@Component(service = RecordStore.class, configurationPid = "org.sellcraft.store.mapdb")
@Designate(ocd = MapDbRecordStore.Config.class)
public class MapDbRecordStore implements RecordStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MapDbRecordStore.class);
    private static final String MAP_PREFIX = "records.";
    private static final String FILE_NAME = "records.mapdb";
    private static final String JOURNAL_NAME = "records.journal";
    private static final String CLEAN_MARK = "records.clean";
    /** The journal is compacted on close once it is this many times larger than the MapDB file. */
    private static final int COMPACT_RATIO = 3;

    @ObjectClassDefinition(
            name = "Sellcraft embedded store",
            description = "Where and how the embedded MapDB store keeps records")
    public @interface Config {

        @AttributeDefinition(
                name = "Directory",
                description = "Folder of the store's files; empty means <karaf.data>/sellcraft")
        String directory() default "";
    }

    private final Path file;
    private final Path cleanMark;
    private final DB db;
    private final Journal journal;
    private final Map<String, HTreeMap<String, byte[]>> maps = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile boolean failed;

    @Activate
    public MapDbRecordStore(Config config) {
        this(resolveDirectory(config.directory()));
    }

    /** Opens (or creates) the store in the given folder, rebuilding its lookup file if it was not closed cleanly. */
    public MapDbRecordStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
        this.cleanMark = directory.resolve(CLEAN_MARK);
        Path journalFile = directory.resolve(JOURNAL_NAME);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(journalFile) && Files.exists(file)) {
                LegacyStore.moveToJournal(file, journalFile);
            }
            boolean existed = Files.exists(journalFile);
            long cleanLength = Files.exists(file) ? cleanLength() : -1;
            if (cleanLength < 0) {
                deleteLookupFiles(directory);
            }
            this.db = open(file);
            this.journal = new Journal(journalFile, cleanLength, this::replay);
            if (existed && cleanLength < 0) {
                LOG.info("Record store at '{}' rebuilt from its journal after an unclean stop", directory);
            }
            // From here on the lookup file changes: until the next clean close it is not to be trusted.
            Files.deleteIfExists(cleanMark);
            Journal.forceDirectory(cleanMark);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the store in " + directory, e);
        }
        LOG.info("Record store opened at '{}'", file);
    }

    // File channel rather than memory mapping: a full disk then fails a write instead of crashing the JVM.
    private static DB open(Path file) {
        return DBMaker.fileDB(file.toFile()).fileChannelEnable().make();
    }

    /** The journal length a clean close wrote down, or -1 when the last stop was not clean. */
    private long cleanLength() throws IOException {
        if (!Files.exists(cleanMark)) {
            return -1;
        }
        try {
            return Long.parseLong(
                    Files.readString(cleanMark, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteLookupFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path stale : files.filter(f -> f.getFileName().toString().startsWith(FILE_NAME))
                    .toList()) {
                Files.delete(stale);
            }
        }
    }

    private void replay(List<Journal.Entry> transaction) {
        for (Journal.Entry entry : transaction) {
            if (entry.isDelete()) {
                map(entry.type()).remove(entry.id());
            } else {
                Record record = RecordCodec.decode(entry.encodedRecord());
                map(record.type()).put(record.id(), entry.encodedRecord());
            }
        }
    }

    private static Path resolveDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        String karafData = System.getProperty("karaf.data", "data");
        return Paths.get(karafData, "sellcraft");
    }

    @Override
    public Optional<Record> get(String type, String id) {
        byte[] data = map(type).get(id);
        return data == null ? Optional.empty() : Optional.of(RecordCodec.decode(data));
    }

    @Override
    public void forEach(String type, Consumer<Record> consumer) {
        for (byte[] data : map(type).getValues()) {
            consumer.accept(RecordCodec.decode(data));
        }
    }

    @Override
    public long count(String type) {
        return map(type).sizeLong();
    }

    @Override
    public void write(List<RecordWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        synchronized (writeLock) {
            if (failed) {
                throw new IllegalStateException(
                        "The store stopped taking writes after a failed one; restart to rebuild it from its journal");
            }
            checkVersions(writes);
            List<Journal.Entry> entries = new ArrayList<>(writes.size());
            for (RecordWrite write : writes) {
                entries.add(
                        write instanceof RecordWrite.Put put
                                ? Journal.Entry.put(RecordCodec.encode(put.record()))
                                : Journal.Entry.delete(
                                        ((RecordWrite.Delete) write).type(), ((RecordWrite.Delete) write).id()));
            }
            try {
                journal.append(entries);
            } catch (IOException e) {
                throw new UncheckedIOException("The transaction could not be written; nothing of it is stored", e);
            }
            try {
                replay(entries);
            } catch (RuntimeException e) {
                // The journal holds the transaction, the lookup file only part of it: only a rebuild mends that.
                failed = true;
                LOG.error("A committed transaction could not be applied to '{}'; the store refuses writes", file, e);
                throw e;
            }
        }
    }

    private void checkVersions(List<RecordWrite> writes) {
        for (RecordWrite write : writes) {
            String type =
                    write instanceof RecordWrite.Put put ? put.record().type() : ((RecordWrite.Delete) write).type();
            String id = write instanceof RecordWrite.Put put ? put.record().id() : ((RecordWrite.Delete) write).id();
            long stored = storedVersion(type, id);
            if (stored != write.expectedVersion()) {
                throw new VersionConflictException(
                        "The " + type + " '" + id + "' is at version " + stored + ", not " + write.expectedVersion(),
                        stored);
            }
        }
    }

    private long storedVersion(String type, String id) {
        byte[] data = map(type).get(id);
        return data == null ? 0 : RecordCodec.decode(data).version();
    }

    @Override
    public StoreStats stats() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : db.getAllNames()) {
            if (name.startsWith(MAP_PREFIX)) {
                String type = name.substring(MAP_PREFIX.length());
                counts.put(type, count(type));
            }
        }
        long size;
        try {
            size = Files.size(file) + journal.size();
        } catch (IOException e) {
            size = -1;
        }
        return new StoreStats("mapdb", file.toString(), size, counts);
    }

    /** The map of one type; counting walks its keys, as MapDB keeps no size counter unless asked to. */
    private HTreeMap<String, byte[]> map(String type) {
        return maps.computeIfAbsent(type, t -> db.hashMap(MAP_PREFIX + t, Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen());
    }

    /**
     * Closes the lookup file, compacts the journal when it has grown well past the live records, and writes down
     * the journal's length, which tells the next start that the lookup file can be trusted.
     */
    @Override
    @Deactivate
    public void close() {
        synchronized (writeLock) {
            if (db.isClosed()) {
                return;
            }
            try {
                if (!failed && journal.size() > COMPACT_RATIO * Math.max(Files.size(file), 1 << 20)) {
                    compact();
                }
                db.close();
                long length = journal.size();
                journal.close();
                if (!failed) {
                    Files.writeString(cleanMark, Long.toString(length), StandardCharsets.US_ASCII);
                    try (FileChannel mark = FileChannel.open(cleanMark, StandardOpenOption.WRITE)) {
                        mark.force(true);
                    }
                    Journal.forceDirectory(cleanMark);
                }
            } catch (IOException e) {
                LOG.warn("Record store at '{}' closed without its clean mark; the next start rebuilds it", file, e);
            }
            LOG.info("Record store closed at '{}'", file);
        }
    }

    private void compact() throws IOException {
        long before = journal.size();
        journal.rewrite(sink -> {
            for (String name : db.getAllNames()) {
                if (name.startsWith(MAP_PREFIX)) {
                    map(name.substring(MAP_PREFIX.length())).getValues().forEach(sink);
                }
            }
        });
        LOG.info("Record store journal compacted from {} to {} bytes", before, journal.size());
    }
}
