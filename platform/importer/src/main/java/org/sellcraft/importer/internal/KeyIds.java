package org.sellcraft.importer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.record.RecordIds;

/**
 * Record ids of natural keys, remembered for the keys a file repeats: the same customer, product or invoice comes
 * back on row after row, and hashing its key each time cost the reader more than reading the row. Used by one reading
 * thread; past a bound a type's remembered ids are forgotten, so a large file does not fill the heap.
 */
final class KeyIds {

    private static final int REMEMBERED = 50_000;

    private final Map<String, Map<Object, String>> byType = new HashMap<>();

    String of(String type, List<?> keyValues) {
        return keyValues.size() == 1 ? of(type, keyValues.get(0)) : remembered(type, new ArrayList<>(keyValues));
    }

    String of(String type, Object keyValue) {
        return remembered(type, keyValue);
    }

    private String remembered(String type, Object key) {
        Map<Object, String> ids = byType.computeIfAbsent(type, t -> new HashMap<>());
        String id = ids.get(key);
        if (id == null) {
            if (ids.size() >= REMEMBERED) {
                ids.clear();
            }
            id = key instanceof List<?> values ? RecordIds.fromKey(type, values) : RecordIds.fromKey(type, key);
            ids.put(key, id);
        }
        return id;
    }
}
