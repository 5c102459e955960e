package org.sellcraft.importer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.UnknownTypeException;
import org.sellcraft.api.service.UpsertResult;
import org.sellcraft.api.service.ValidationException;

/**
 * A record service and type registry over {@link SalesTypes#all()} held in memory, with the upsert semantics of the
 * real one: records are found by natural key, lines are merged by their first part, a record that already holds the
 * values counts as unchanged, and a batch with one invalid row stores nothing. Values are kept in shared instances
 * so that the whole retail file fits in a small heap.
 */
final class InMemoryRecords implements RecordService, RecordTypeRegistry {

    private final Map<String, RecordType> types = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> stored = new HashMap<>();
    private final Map<Object, Object> shared = new HashMap<>();
    private final AtomicInteger upserts = new AtomicInteger();
    private volatile Predicate<Map<String, Object>> refused = row -> false;

    InMemoryRecords() {
        SalesTypes.all().forEach(type -> types.put(type.name(), type));
    }

    /** Makes upsert refuse rows that match, as the real service refuses values it finds invalid. */
    void refuse(Predicate<Map<String, Object>> rows) {
        this.refused = rows;
    }

    /** How many transactions were stored: single-type and several-type upserts alike. */
    int upsertCalls() {
        return upserts.get();
    }

    synchronized Collection<Map<String, Object>> all(String type) {
        return new ArrayList<>(stored.getOrDefault(type, Map.of()).values());
    }

    synchronized Map<String, Object> byKey(String type, Object key) {
        return stored.getOrDefault(type, Map.of()).get(RecordIds.fromKey(type, key));
    }

    @Override
    public Optional<RecordType> byName(String name) {
        return Optional.ofNullable(types.get(name));
    }

    @Override
    public Optional<RecordType> byCollection(String collection) {
        return types.values().stream()
                .filter(t -> t.collection().equals(collection))
                .findFirst();
    }

    @Override
    public Collection<RecordType> all() {
        return types.values();
    }

    @Override
    public synchronized Record get(Caller caller, String type, String id) {
        Map<String, Object> fields = records(type).get(id);
        if (fields == null) {
            throw new RecordNotFoundException(type, id);
        }
        return new Record(type, id, 1, Instant.EPOCH, Instant.EPOCH, fields);
    }

    @Override
    public synchronized UpsertResult upsert(Caller caller, String type, List<Map<String, Object>> rows) {
        upserts.incrementAndGet();
        return store(type, rows);
    }

    private UpsertResult store(String type, List<Map<String, Object>> rows) {
        RecordType recordType = byName(type).orElseThrow(() -> new UnknownTypeException(type));
        for (int i = 0; i < rows.size(); i++) {
            validate(recordType, i, rows.get(i));
        }
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Map<String, Object>> records = records(type);
        for (Map<String, Object> row : rows) {
            List<Object> key = recordType.keyFields().stream().map(row::get).toList();
            String id = RecordIds.fromKey(type, key);
            Map<String, Object> before = records.get(id);
            Map<String, Object> after = merged(recordType, before, row);
            if (before == null) {
                inserted++;
            } else if (before.equals(after)) {
                unchanged++;
                continue;
            } else {
                updated++;
            }
            records.put(id, after);
        }
        return new UpsertResult(inserted, updated, unchanged);
    }

    @Override
    public synchronized Map<String, UpsertResult> upsertAll(
            Caller caller, Map<String, List<Map<String, Object>>> rowsByType) {
        rowsByType.forEach((type, rows) -> {
            RecordType recordType = byName(type).orElseThrow(() -> new UnknownTypeException(type));
            for (int i = 0; i < rows.size(); i++) {
                validate(recordType, i, rows.get(i));
            }
        });
        upserts.incrementAndGet();
        Map<String, UpsertResult> results = new LinkedHashMap<>();
        rowsByType.forEach((type, rows) -> results.put(type, store(type, rows)));
        return results;
    }

    @Override
    public synchronized long count(Caller caller, String type) {
        return records(type).size();
    }

    @Override
    public Page<Record> list(Caller caller, RecordQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forEach(Caller caller, String type, java.util.function.Consumer<Record> consumer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Record create(Caller caller, String type, Map<String, Object> fields) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Record update(Caller caller, String type, String id, long expectedVersion, Map<String, Object> changes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(Caller caller, String type, String id, long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    private Map<String, Map<String, Object>> records(String type) {
        return stored.computeIfAbsent(type, t -> new HashMap<>());
    }

    private void validate(RecordType type, int index, Map<String, Object> row) {
        for (String key : type.keyFields()) {
            if (row.get(key) == null) {
                throw new ValidationException("rows[" + index + "]." + key, null, "the key field has no value");
            }
        }
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            FieldDef def = type.field(entry.getKey())
                    .orElseThrow(() -> new ValidationException(entry.getKey(), null, "no such field"));
            checkKind(def, entry.getValue());
        }
        if (refused.test(row)) {
            throw new ValidationException("name", String.valueOf(row.get("name")), "refused by the service");
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkKind(FieldDef def, Object value) {
        Class<?> expected =
                switch (def.kind()) {
                    case TEXT, REFERENCE -> String.class;
                    case INTEGER -> Long.class;
                    case DECIMAL -> BigDecimal.class;
                    case DATE -> LocalDate.class;
                    case DATETIME -> Instant.class;
                    case BOOLEAN -> Boolean.class;
                    case LINES -> List.class;
                };
        if (value != null && !expected.isInstance(value)) {
            throw new ValidationException(def.name(), value.toString(), "not a " + def.kind());
        }
        if (def.kind() == FieldKind.LINES && value != null) {
            for (Map<String, Object> line : (List<Map<String, Object>>) value) {
                line.forEach((part, v) -> checkKind(
                        def.parts().stream()
                                .filter(p -> p.name().equals(part))
                                .findFirst()
                                .orElseThrow(),
                        v));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> merged(RecordType type, Map<String, Object> before, Map<String, Object> row) {
        Map<String, Object> after = new HashMap<>(before == null ? Map.of() : before);
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            FieldDef def = type.field(entry.getKey()).orElseThrow();
            if (entry.getValue() == null) {
                after.remove(entry.getKey());
            } else if (def.kind() == FieldKind.LINES) {
                List<Map<String, Object>> lines = (List<Map<String, Object>>) after.get(entry.getKey());
                after.put(entry.getKey(), mergedLines(def, lines, (List<Map<String, Object>>) entry.getValue()));
            } else {
                after.put(entry.getKey(), share(entry.getValue()));
            }
        }
        return Map.copyOf(after);
    }

    private List<Map<String, Object>> mergedLines(
            FieldDef def, List<Map<String, Object>> before, List<Map<String, Object>> incoming) {
        String first = def.parts().get(0).name();
        Map<Object, Map<String, Object>> byFirst = new LinkedHashMap<>();
        if (before != null) {
            before.forEach(line -> byFirst.put(line.get(first), line));
        }
        for (Map<String, Object> line : incoming) {
            Map<String, Object> compact = new HashMap<>();
            line.forEach((part, value) -> {
                if (value != null) {
                    compact.put(part, share(value));
                }
            });
            byFirst.put(line.get(first), Map.copyOf(compact));
        }
        return List.copyOf(byFirst.values());
    }

    private Object share(Object value) {
        return shared.computeIfAbsent(Objects.requireNonNull(value), v -> v);
    }
}
