package org.sellcraft.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sellcraft.api.importing.Rejection;

/**
 * The CSV file listing every rejected row of a job (line, column, value, reason); created at the first one. The
 * values come from the imported file, so text that a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @}, tab, carriage return) is prefixed with a quote, as in the record exports.
 */
final class RejectionReport implements AutoCloseable {

    private static final int MAX_VALUE_LENGTH = 500;
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader("line", "column", "value", "reason")
            .get();

    private final Path file;
    private CSVPrinter printer;

    RejectionReport(Path file) {
        this.file = file;
    }

    /** Shortens a value for the report and for snapshots. */
    static String shortened(String value) {
        if (value == null || value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH) + "…";
    }

    /** Prefixes text that a spreadsheet would run as a formula with a quote; other text is returned as it is. */
    static String neutralise(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    void add(Rejection rejection) {
        try {
            if (printer == null) {
                Files.createDirectories(file.getParent());
                Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                printer = new CSVPrinter(writer, FORMAT);
            }
            printer.printRecord(
                    rejection.line(),
                    neutralise(rejection.column()),
                    neutralise(rejection.value()),
                    neutralise(rejection.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the rejection report " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close(true);
        }
    }
}
