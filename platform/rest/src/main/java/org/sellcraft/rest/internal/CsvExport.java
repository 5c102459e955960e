package org.sellcraft.rest.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;

/**
 * Records as a CSV file that opens safely in a spreadsheet. Only fields the caller was shown become columns, and
 * text that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage
 * return) is prefixed with a quote, so a value a partner typed cannot execute on a colleague's machine.
 */
final class CsvExport {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {}

    static StreamingOutput of(RecordType type, List<Record> records) {
        List<String> columns = columns(type, records);
        return output -> {
            // A BOM lets Excel open UTF-8 (Chinese names) correctly.
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                csv.printRecord(columns);
                for (Record record : records) {
                    csv.printRecord(row(record, columns));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    static List<String> columns(RecordType type, List<Record> records) {
        Set<String> columns = new LinkedHashSet<>(List.of("id", "version"));
        for (FieldDef field : type.fields()) {
            boolean shown = records.stream().anyMatch(record -> record.fields().containsKey(field.name()));
            if (field.kind() != FieldKind.LINES && shown) {
                columns.add(field.name());
            }
        }
        return new ArrayList<>(columns);
    }

    static List<Object> row(Record record, List<String> columns) {
        List<Object> row = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value =
                    switch (column) {
                        case "id" -> record.id();
                        case "version" -> record.version();
                        default -> record.get(column);
                    };
            row.add(value instanceof String text ? neutralise(text) : value);
        }
        return row;
    }

    /** Prefixes text that a spreadsheet would run as a formula with a quote; other text is returned as it is. */
    static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
