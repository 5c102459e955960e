package org.sellcraft.api.service;

import java.util.List;
import java.util.Objects;

/**
 * What to list: a type, filters that must all hold, a sort order and a page.
 *
 * @param type the record type's name
 * @param filters conditions on filterable fields
 * @param sortField the field to sort by, or {@code null} for the order of creation
 * @param descending whether to sort from the largest value down
 * @param offset how many matching records to skip
 * @param limit how many to return at most
 */
public record RecordQuery(
        String type, List<Filter> filters, String sortField, boolean descending, int offset, int limit) {

    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 1000;

    public RecordQuery {
        Objects.requireNonNull(type, "type");
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /** Returns a query for the first page of all records of a type. */
    public static RecordQuery all(String type) {
        return new RecordQuery(type, List.of(), null, false, 0, MAX_LIMIT);
    }

    /**
     * One condition on a field.
     *
     * @param field the field's name
     * @param operator how to compare
     * @param value the value to compare with, as text; it is parsed by the field's kind
     */
    public record Filter(String field, Operator operator, String value) {}

    /** How a filter compares. */
    public enum Operator {
        EQUALS,
        AT_LEAST,
        AT_MOST,
        CONTAINS
    }
}
