package org.sellcraft.importer.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportMapping.FieldMapping;
import org.sellcraft.api.importing.ImportMapping.RelatedRecord;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.RecordType;

/**
 * A checked mapping bound to the header of one file: which column feeds which field. Turns rows into
 * {@link MappedRow}s.
 */
final class MappingPlan {

    private final RecordType type;
    private final List<FieldReader> keys;
    private final List<FieldReader> fields;
    private final String linesField;
    private final List<FieldReader> lineParts;
    private final List<RelatedPlan> related;
    private final boolean countsOccurrences;
    private final List<String> ignoredColumns;
    private final KeyIds ids = new KeyIds();

    /** How one related record is read. */
    private record RelatedPlan(String type, List<FieldReader> keys, List<FieldReader> fields) {}

    private MappingPlan(ImportMapping mapping, Function<String, RecordType> types, Map<String, Integer> header) {
        this.type = types.apply(mapping.recordType());
        this.keys = new ArrayList<>();
        this.fields = new ArrayList<>();
        this.lineParts = new ArrayList<>();
        this.related = new ArrayList<>();
        String lines = null;
        for (FieldMapping field : mapping.fields()) {
            int dot = field.field().indexOf('.');
            if (dot > 0) {
                lines = field.field().substring(0, dot);
                lineParts.add(lineReader(field, dot, header));
            } else {
                FieldReader reader = reader(type, field, true, header);
                (type.keyFields().contains(field.field()) ? keys : fields).add(reader);
            }
        }
        keys.sort(
                (a, b) -> type.keyFields().indexOf(a.name()) - type.keyFields().indexOf(b.name()));
        this.linesField = lines;
        mapping.related().forEach(r -> related.add(relatedPlan(r, types.apply(r.type()), header)));
        this.countsOccurrences = mapping.fields().stream().anyMatch(f -> "occurrence".equals(f.format()));
        this.ignoredColumns = ignored(mapping, header);
    }

    /**
     * Binds a checked mapping to a file's header.
     *
     * @throws ImportFailure naming the columns the mapping needs but the file lacks, and the columns it has
     */
    static MappingPlan bind(
            ImportMapping mapping, Function<String, RecordType> types, List<String> header, String fileName) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            indexes.putIfAbsent(header.get(i), i);
        }
        List<String> missing = needed(mapping).stream()
                .filter(column -> !indexes.containsKey(column))
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportFailure("File '" + fileName + "' lacks the column(s) " + quoted(missing) + " that mapping '"
                    + mapping.name() + "' needs; its columns are " + quoted(header));
        }
        return new MappingPlan(mapping, types, indexes);
    }

    static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    /** The record type rows become. */
    RecordType type() {
        return type;
    }

    /** Columns of the file the mapping does not read. */
    List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** The column a field named by the record service is read from, for naming it in a rejection, or {@code null}. */
    String columnOf(String field) {
        if (field == null) {
            return null;
        }
        // The service may name a field by its path, such as rows[3].lines[0].quantity: the last step is the field.
        String name = field.substring(field.lastIndexOf('.') + 1);
        return Stream.of(keys, fields, lineParts)
                .flatMap(List::stream)
                .filter(r -> r.name().equals(name))
                .map(FieldReader::column)
                .findFirst()
                .orElse(null);
    }

    /**
     * Maps one row.
     *
     * @param occurrences how many rows each record has had so far; updated when the mapping counts them
     * @throws RowProblem naming the column, value and reason when the row cannot be imported
     */
    MappedRow map(long line, List<String> row, Map<String, Long> occurrences) throws RowProblem {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> keyValues = new ArrayList<>(keys.size());
        for (FieldReader key : keys) {
            Object value = key.read(row, 0);
            keyValues.add(value);
            values.put(key.name(), value);
        }
        String id = ids.of(type.name(), keyValues);
        long occurrence = countsOccurrences ? occurrences.merge(id, 1L, Long::sum) : 0;
        readInto(values, fields, row, occurrence);
        Map<String, Object> linePart = null;
        if (linesField != null) {
            linePart = new LinkedHashMap<>();
            readInto(linePart, lineParts, row, occurrence);
        }
        return new MappedRow(line, id, values, linePart, relatedOf(row, occurrence));
    }

    /** Wraps a record's lines into its field values, as the record service takes them. */
    Map<String, Object> withLines(Map<String, Object> values, List<Map<String, Object>> lines) {
        if (linesField == null) {
            return values;
        }
        Map<String, Object> whole = new LinkedHashMap<>(values);
        whole.put(linesField, lines);
        return whole;
    }

    private List<MappedRow.Related> relatedOf(List<String> row, long occurrence) throws RowProblem {
        List<MappedRow.Related> records = new ArrayList<>(related.size());
        for (RelatedPlan plan : related) {
            Map<String, Object> values = new LinkedHashMap<>();
            List<Object> keyValues = new ArrayList<>();
            for (FieldReader key : plan.keys()) {
                Object value = key.read(row, occurrence);
                keyValues.add(value);
                values.put(key.name(), value);
            }
            // A related record exists only where its whole key has values: no customer id, no customer.
            if (!keyValues.contains(null)) {
                readInto(values, plan.fields(), row, occurrence);
                records.add(new MappedRow.Related(plan.type(), ids.of(plan.type(), keyValues), values));
            }
        }
        return records;
    }

    private static void readInto(Map<String, Object> values, List<FieldReader> readers, List<String> row, long n)
            throws RowProblem {
        for (FieldReader reader : readers) {
            Object value = reader.read(row, n);
            if (value != null) {
                values.put(reader.name(), value);
            }
        }
    }

    private FieldReader lineReader(FieldMapping field, int dot, Map<String, Integer> header) {
        FieldDef lines = type.field(field.field().substring(0, dot)).orElseThrow();
        String part = field.field().substring(dot + 1);
        FieldDef def = lines.parts().stream()
                .filter(p -> p.name().equals(part))
                .findFirst()
                .orElseThrow();
        return new FieldReader(part, def, field, field.required() || def.required(), header);
    }

    private static FieldReader reader(RecordType type, FieldMapping field, boolean main, Map<String, Integer> header) {
        FieldDef def = type.field(field.field()).orElseThrow();
        boolean key = type.keyFields().contains(def.name());
        // The main record needs its key; a related record is skipped without one rather than refused.
        boolean required = field.required() || (main ? key || def.required() : def.required() && !key);
        return new FieldReader(field.field(), def, field, required, header);
    }

    private static RelatedPlan relatedPlan(RelatedRecord related, RecordType type, Map<String, Integer> header) {
        List<FieldReader> keys = new ArrayList<>();
        List<FieldReader> others = new ArrayList<>();
        for (FieldMapping field : related.fields()) {
            FieldReader reader = reader(type, field, false, header);
            (type.keyFields().contains(field.field()) ? keys : others).add(reader);
        }
        keys.sort(
                (a, b) -> type.keyFields().indexOf(a.name()) - type.keyFields().indexOf(b.name()));
        return new RelatedPlan(type.name(), keys, others);
    }

    private static Set<String> needed(ImportMapping mapping) {
        Set<String> columns = new LinkedHashSet<>();
        mapping.fields().forEach(f -> columns.addAll(FieldReader.columnsOf(f)));
        mapping.related().forEach(r -> r.fields().forEach(f -> columns.addAll(FieldReader.columnsOf(f))));
        return columns;
    }

    private static List<String> ignored(ImportMapping mapping, Map<String, Integer> header) {
        Set<String> used = needed(mapping);
        return header.keySet().stream()
                .filter(column -> !column.isEmpty() && !used.contains(column))
                .sorted((a, b) -> header.get(a) - header.get(b))
                .toList();
    }
}
