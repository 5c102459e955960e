package org.sellcraft.api.importing;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import.
 *
 * @param file the file to read: CSV (UTF-8 with or without BOM, or GB18030), gzip-compressed CSV, or XLSX
 * @param fileName the name to show in reports, usually the uploaded file's name
 * @param mappingName a built-in mapping's name; ignored when {@code mapping} is given
 * @param mapping a user-supplied mapping, or {@code null}
 * @param strict whether one bad row cancels the whole import (nothing is stored)
 * @param batchSize rows per committed batch; 0 takes the configured default
 * @param charset the file's character set, or {@code null} to detect it
 */
public record ImportRequest(
        Path file,
        String fileName,
        String mappingName,
        ImportMapping mapping,
        boolean strict,
        int batchSize,
        String charset) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        fileName = fileName == null ? file.getFileName().toString() : fileName;
    }

    /** A lenient import of a file with a built-in mapping. */
    public static ImportRequest of(Path file, String mappingName) {
        return new ImportRequest(file, null, mappingName, null, false, 0, null);
    }
}
