package org.sellcraft.importer.internal;

import java.util.List;
import java.util.Map;

/**
 * What one row of a file becomes.
 *
 * @param line the row's line number in the file
 * @param id the id of the record the row belongs to
 * @param fields the record's field values, its key fields among them
 * @param linePart the values of the line this row adds, or {@code null} when the mapping has no lines
 * @param related the other records the row implies
 */
record MappedRow(
        long line, String id, Map<String, Object> fields, Map<String, Object> linePart, List<Related> related) {

    /** A record a row implies, keyed by its id. */
    record Related(String type, String id, Map<String, Object> fields) {}
}
