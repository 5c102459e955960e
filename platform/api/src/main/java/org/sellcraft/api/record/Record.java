package org.sellcraft.api.record;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stored record: an account, an order, an opportunity. Values are {@link String}, {@link Long},
 * {@link java.math.BigDecimal}, {@link java.time.LocalDate}, {@link Instant}, {@link Boolean}, or for
 * {@link FieldKind#LINES} a {@code List<Map<String, Object>>} of the same.
 *
 * @param type the record type's name
 * @param id the stable id
 * @param version increases by one on every change; an update names the version it read (optimistic concurrency)
 * @param createdAt when the record was first stored
 * @param updatedAt when it was last changed
 * @param fields the values by field name; absent fields have no value
 */
public record Record(
        String type, String id, long version, Instant createdAt, Instant updatedAt, Map<String, Object> fields) {

    public Record {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Returns the value of a field, or {@code null} when it has none. */
    public Object get(String field) {
        return fields.get(field);
    }

    /** Returns a copy of this record with other field values, keeping identity, version and timestamps. */
    public Record withFields(Map<String, Object> newFields) {
        return new Record(type, id, version, createdAt, updatedAt, newFields);
    }
}
