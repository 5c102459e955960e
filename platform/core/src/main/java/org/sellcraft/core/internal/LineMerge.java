package org.sellcraft.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;

/**
 * Merges incoming field values into a stored record's. Lines are keyed by their first part (an order line's
 * number), so lines that arrive in several batches add up, and a line that arrives twice replaces itself.
 */
final class LineMerge {

    private LineMerge() {}

    static Map<String, Object> merge(RecordType type, Map<String, Object> stored, Map<String, Object> incoming) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        for (Map.Entry<String, Object> entry : incoming.entrySet()) {
            FieldDef def = type.field(entry.getKey()).orElseThrow();
            Object value = entry.getValue();
            if (def.kind() == FieldKind.LINES && value != null && stored.get(def.name()) != null) {
                merged.put(def.name(), mergeLines(def, asLines(stored.get(def.name())), asLines(value)));
            } else if (value == null) {
                merged.remove(def.name());
            } else {
                merged.put(def.name(), value);
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> asLines(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> mergeLines(
            FieldDef def, List<Map<String, Object>> stored, List<Map<String, Object>> incoming) {
        String key = def.parts().get(0).name();
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        stored.forEach(line -> byKey.put(line.get(key), line));
        incoming.forEach(line -> byKey.put(line.get(key), line));
        List<Map<String, Object>> lines = new ArrayList<>(byKey.values());
        lines.sort(Comparator.comparing(line -> line.get(key), LineMerge::compareKeys));
        return lines;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
