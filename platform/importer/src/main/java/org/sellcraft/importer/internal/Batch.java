package org.sellcraft.importer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one batch, grouped by record: rows with the same natural key (an invoice's lines) become one record
 * with one line per row. Related records are gathered once each, filling in values later rows bring.
 */
final class Batch {

    private final Map<String, Pending> records = new LinkedHashMap<>();
    private final Map<String, MappedRow.Related> related = new LinkedHashMap<>();
    private int rows;
    private String lastId;

    /** One record of the batch and the file lines it came from. */
    record Pending(
            Map<String, Object> fields, List<Map<String, Object>> lines, List<Long> fileLines, Set<String> related) {}

    /** Adds a row; related records already known to exist are left out. */
    void add(MappedRow row, Set<String> knownRelated) {
        Pending pending = records.computeIfAbsent(
                row.id(), id -> new Pending(row.fields(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>()));
        if (row.linePart() != null) {
            pending.lines().add(row.linePart());
        }
        pending.fileLines().add(row.line());
        for (MappedRow.Related record : row.related()) {
            if (!knownRelated.contains(record.id())) {
                pending.related().add(record.id());
                related.merge(record.id(), record, Batch::filled);
            }
        }
        rows++;
        lastId = row.id();
    }

    /** Whether the batch has enough rows to go, given the record the next row belongs to. */
    boolean full(int batchSize, String nextId) {
        // Closing a batch between two rows of one record would store that record twice; a record may let the batch
        // grow to twice its size before it is cut anyway.
        return rows >= batchSize && (!nextId.equals(lastId) || rows >= 2 * batchSize);
    }

    boolean isEmpty() {
        return rows == 0;
    }

    int rows() {
        return rows;
    }

    Collection<Pending> records() {
        return records.values();
    }

    /** The related records of the batch, or of one of its records. */
    List<MappedRow.Related> related(Pending pending) {
        Collection<String> ids = pending == null ? related.keySet() : pending.related();
        return ids.stream().map(related::get).toList();
    }

    private static MappedRow.Related filled(MappedRow.Related first, MappedRow.Related later) {
        later.fields().forEach(first.fields()::putIfAbsent);
        return first;
    }
}
