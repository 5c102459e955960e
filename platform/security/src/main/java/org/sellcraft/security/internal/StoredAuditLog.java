package org.sellcraft.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in the record store. Entries are queued and written by one thread in one transaction every
 * {@value #FLUSH_MILLIS} ms, so that auditing every read does not put a disk sync on every request; a crash can
 * lose at most that last fraction of a second. Entries are only ever added.
 */
@Component(service = AuditLog.class)
public class StoredAuditLog implements AuditLog, AutoCloseable {

    static final String TYPE = "security-audit";

    private static final Logger LOG = LoggerFactory.getLogger(StoredAuditLog.class);
    private static final long FLUSH_MILLIS = 100;
    private static final int MAX_DETAIL = 500;

    private final RecordStore store;
    private final Clock clock;
    private final BlockingQueue<Record> pending = new LinkedBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    @Activate
    public StoredAuditLog(@Reference RecordStore store) {
        this(store, Clock.systemUTC());
    }

    StoredAuditLog(RecordStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "sellcraft-audit");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void record(String actor, String action, String target, String detail, String from) {
        Instant now = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", now);
        fields.put("actor", actor == null ? "anonymous" : actor);
        fields.put("action", action);
        put(fields, "target", target);
        put(
                fields,
                "detail",
                detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
        put(fields, "from", from);
        // Ids sort by time, so entries keep their order even within one millisecond.
        String id = String.format("%019d-%09d", now.toEpochMilli(), sequence.incrementAndGet());
        pending.add(new Record(TYPE, id, 1, now, now, fields));
    }

    private static void put(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    @Override
    public List<AuditEntry> query(String actor, String action, Instant from, Instant to, int limit) {
        flush();
        List<Record> matching = new ArrayList<>();
        store.forEach(TYPE, record -> {
            AuditEntry entry = toEntry(record);
            if ((actor == null || actor.equals(entry.actor()))
                    && (action == null || action.equals(entry.action()))
                    && (from == null || !entry.at().isBefore(from))
                    && (to == null || entry.at().isBefore(to))) {
                matching.add(record);
            }
        });
        matching.sort(Comparator.comparing(Record::id).reversed());
        return matching.stream().limit(limit).map(StoredAuditLog::toEntry).toList();
    }

    private static AuditEntry toEntry(Record record) {
        return new AuditEntry(
                (Instant) record.get("at"),
                (String) record.get("actor"),
                (String) record.get("action"),
                (String) record.get("target"),
                (String) record.get("detail"),
                (String) record.get("from"));
    }

    private void writeLoop() {
        while (running) {
            try {
                Record first = pending.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Writes what is queued now; callers that query first see every entry recorded before. */
    synchronized void flush() {
        write(null);
    }

    private synchronized void write(Record first) {
        List<RecordWrite> batch = new ArrayList<>();
        if (first != null) {
            batch.add(new RecordWrite.Put(first, 0));
        }
        Record next;
        while ((next = pending.poll()) != null) {
            batch.add(new RecordWrite.Put(next, 0));
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.write(batch);
        } catch (RuntimeException e) {
            LOG.error("{} audit entries could not be written", batch.size(), e);
        }
    }

    /**
     * Stops the writer and writes what is left. The writer is never interrupted: an interrupt during a file-channel
     * write would close the channel, and with it the record store, for everyone.
     */
    @Override
    @Deactivate
    public void close() {
        running = false;
        try {
            writer.join(FLUSH_MILLIS * 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
