package org.sellcraft.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sellcraft.api.record.Record;

/** Records held in a list, as one caller would see them. */
final class MemoryRecords implements RecordSource {

    private final Map<String, Record> records = new LinkedHashMap<>();

    Record add(String type, String id, Object... fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            values.put((String) fields[i], fields[i + 1]);
        }
        Record record = new Record(type, id, 1, Instant.EPOCH, Instant.EPOCH, values);
        records.put(type + "/" + id, record);
        return record;
    }

    static Map<String, Object> line(String sku, long quantity, String unitPrice) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("description", "Product " + sku);
        line.put("quantity", quantity);
        line.put("unitPrice", new java.math.BigDecimal(unitPrice));
        return line;
    }

    @Override
    public void forEach(String type, Consumer<Record> consumer) {
        new ArrayList<>(records.values())
                .stream().filter(r -> r.type().equals(type)).forEach(consumer);
    }

    @Override
    public Optional<Record> find(String type, String id) {
        return Optional.ofNullable(records.get(type + "/" + id));
    }

    List<Record> all() {
        return List.copyOf(records.values());
    }
}
