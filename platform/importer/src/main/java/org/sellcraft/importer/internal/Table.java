package org.sellcraft.importer.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rows of a file, read one at a time so that a file of any size fits in a small heap. */
interface Table extends Closeable {

    /** The header's column names, trimmed of spaces and a byte order mark. */
    List<String> header();

    /**
     * Returns the next data row, or {@code null} after the last.
     *
     * @throws ImportFailure when the file cannot be read on at all
     */
    Row next() throws IOException;

    /** How much of the file has been read, from 0 to 1. */
    double progress();

    /** The character set the file is read in. */
    String charset();

    /**
     * One data row.
     *
     * @param line its line number in the file, the header being line 1
     * @param values its cells, as many as the header has columns
     * @param problem why the row cannot be read, or {@code null}
     */
    record Row(long line, List<String> values, RowProblem problem) {}

    /**
     * Opens a CSV file (plain or gzip-compressed) or the first sheet of an XLSX workbook, telling them apart by the
     * file's first bytes and then by its name.
     *
     * @param charset the CSV's character set, or {@code null} to detect it
     * @throws ImportFailure when the file has no header row or is not readable in the given character set
     */
    static Table open(Path file, String fileName, String charset) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        boolean zip = Arrays.equals(magic, new byte[] {'P', 'K', 3, 4});
        if (zip || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return XlsxTable.open(file, fileName);
        }
        boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        return CsvTable.open(
                file,
                fileName,
                charset,
                gzip || fileName.toLowerCase(Locale.ROOT).endsWith(".gz"));
    }

    /** Trims a header name of spaces and of a byte order mark that a reader left in. */
    static String headerName(String raw) {
        return raw.replace("\uFEFF", "").strip();
    }
}
