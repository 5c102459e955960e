package org.sellcraft.api.importing;

import java.util.List;
import java.util.Objects;

/**
 * How the columns of a file become records of one type. Built-in mappings cover the datasets Sellcraft ships
 * demos for; users supply their own as JSON of the same shape.
 *
 * @param name the mapping's name, for example {@code uci-online-retail}
 * @param description what files it is for
 * @param recordType the type each row becomes (rows with the same natural key become one record; fields named
 *     {@code lines.<part>} become one line of it)
 * @param fields how each field gets its value
 * @param related other records a row implies, created when they do not exist yet (an order's customer, a rep's
 *     manager); existing ones are left as they are
 */
public record ImportMapping(
        String name, String description, String recordType, List<FieldMapping> fields, List<RelatedRecord> related) {

    public ImportMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        fields = fields == null ? List.of() : List.copyOf(fields);
        related = related == null ? List.of() : List.copyOf(related);
    }

    /**
     * Where one field's value comes from: a column, a template over columns, or a constant.
     *
     * @param field the target field, {@code lines.<part>} for a part of a line
     * @param column the source column's header (compared after trimming spaces and a BOM)
     * @param template text with {@code {Column}} placeholders, used instead of a column
     * @param constant a fixed value, used instead of a column
     * @param format how to read the text: {@code text} (default), {@code integer}, {@code decimal}, {@code id} (a
     *     number written as a float, {@code 17850.0}), {@code boolean}, {@code date:PATTERN}, {@code
     *     datetime:PATTERN}, {@code date} (any of the common date forms), {@code startsWith:PREFIX}, {@code
     *     negative} (true when the number is below zero) or {@code occurrence} (the row's position among the rows
     *     of the same record, for line numbers)
     * @param required whether an empty value rejects the row
     * @param aliases source values to replace before reading, for known misspellings ({@code GTXPro} to {@code GTX
     *     Pro})
     * @param reference when set, the value is a natural key of this record type and becomes that record's id
     */
    public record FieldMapping(
            String field,
            String column,
            String template,
            String constant,
            String format,
            boolean required,
            java.util.Map<String, String> aliases,
            String reference) {

        public FieldMapping {
            Objects.requireNonNull(field, "field");
            aliases = aliases == null ? java.util.Map.of() : java.util.Map.copyOf(aliases);
        }

        /** A field read from a column as text. */
        public static FieldMapping column(String field, String column) {
            return new FieldMapping(field, column, null, null, null, false, null, null);
        }

        /** Returns a copy read with the given format. */
        public FieldMapping as(String newFormat) {
            return new FieldMapping(field, column, template, constant, newFormat, required, aliases, reference);
        }

        /** Returns a copy that rejects rows where the value is empty. */
        public FieldMapping mandatory() {
            return new FieldMapping(field, column, template, constant, format, true, aliases, reference);
        }

        /** Returns a copy whose value is the id of the record of {@code type} with this natural key. */
        public FieldMapping referencing(String type) {
            return new FieldMapping(field, column, template, constant, format, required, aliases, type);
        }

        /** Returns a copy that replaces known misspellings before reading. */
        public FieldMapping withAliases(java.util.Map<String, String> newAliases) {
            return new FieldMapping(field, column, template, constant, format, required, newAliases, reference);
        }
    }

    /**
     * A record a row implies.
     *
     * @param type its record type
     * @param fields where its fields come from; its natural key fields must be among them
     */
    public record RelatedRecord(String type, List<FieldMapping> fields) {

        public RelatedRecord {
            Objects.requireNonNull(type, "type");
            fields = List.copyOf(fields);
        }
    }
}
