package org.sellcraft.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.ValidationException;

/** Turns a query's filters and sort order into a predicate and a comparator over records. */
final class RecordFilters {

    private RecordFilters() {}

    static Predicate<Record> compile(RecordType type, List<RecordQuery.Filter> filters) {
        Predicate<Record> all = record -> true;
        for (RecordQuery.Filter filter : filters) {
            all = all.and(compile(type, filter));
        }
        return all;
    }

    private static Predicate<Record> compile(RecordType type, RecordQuery.Filter filter) {
        FieldDef def = filterable(type, filter.field());
        if (filter.operator() == RecordQuery.Operator.CONTAINS) {
            String needle = filter.value().toLowerCase(Locale.ROOT);
            return record -> {
                Object value = record.get(def.name());
                return value != null
                        && value.toString().toLowerCase(Locale.ROOT).contains(needle);
            };
        }
        Object bound = FieldValues.convertFilterValue(def, filter.value());
        if (bound == null) {
            // An empty value asks for the records that have none, such as orders without a customer.
            if (filter.operator() != RecordQuery.Operator.EQUALS) {
                throw new ValidationException(filter.field(), "", "needs a value to compare with");
            }
            return record -> record.get(def.name()) == null;
        }
        return switch (filter.operator()) {
            case EQUALS -> record -> bound.equals(record.get(def.name()));
            case AT_LEAST -> record -> compareNullable(record.get(def.name()), bound) >= 0;
            case AT_MOST -> record -> {
                Object value = record.get(def.name());
                return value != null && compareNullable(value, bound) <= 0;
            };
            case CONTAINS -> throw new IllegalStateException("handled above");
        };
    }

    static Comparator<Record> order(RecordType type, String sortField, boolean descending) {
        Comparator<Record> order;
        if (sortField == null || sortField.isBlank()) {
            order = Comparator.comparing(Record::createdAt).thenComparing(Record::id);
        } else if (sortField.equals("updatedAt") || sortField.equals("createdAt")) {
            Function<Record, Comparable<?>> key = sortField.equals("updatedAt") ? Record::updatedAt : Record::createdAt;
            order = Comparator.comparing(record -> key.apply(record), RecordFilters::compareNullable);
        } else {
            FieldDef def = filterable(type, sortField);
            order = Comparator.comparing(record -> record.get(def.name()), RecordFilters::compareNullable);
            order = order.thenComparing(Record::id);
        }
        return descending ? order.reversed() : order;
    }

    static FieldDef filterable(RecordType type, String field) {
        FieldDef def = type.field(field)
                .orElseThrow(() -> new ValidationException(field, null, "is not a field of " + type.name()));
        if (!def.filterable() || def.kind() == FieldKind.LINES) {
            throw new ValidationException(field, null, "cannot be used to filter or sort " + type.collection());
        }
        return def;
    }

    /** Orders values of one kind, with missing values first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullable(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    }
}
