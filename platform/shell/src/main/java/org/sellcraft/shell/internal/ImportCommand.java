package org.sellcraft.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.ImportService;

/** Imports a file with a progress bar, then prints the summary. The audit log names the console user. */
@Service
@Command(scope = "sellcraft", name = "import", description = "Import a CSV, CSV.GZ or XLSX file")
public class ImportCommand implements Action {

    private static final int BAR_WIDTH = 30;

    @Argument(index = 0, name = "file", description = "The file to import", required = true)
    String file;

    @Option(name = "--mapping", aliases = "-m", description = "A built-in mapping's name", required = false)
    String mappingName;

    @Option(name = "--mapping-file", description = "A JSON mapping file of your own", required = false)
    String mappingFile;

    @Option(name = "--strict", description = "Store nothing if any row is refused", required = false)
    boolean strict;

    @Option(name = "--batch-size", description = "Rows per committed batch", required = false)
    int batchSize;

    @Option(name = "--charset", description = "The file's character set, when detection should not decide")
    String charset;

    @Reference
    ImportService imports;

    @Override
    public Object execute() throws Exception {
        Path path = Paths.get(file);
        ImportMapping mapping =
                mappingFile == null ? null : imports.parseMapping(Files.readString(Paths.get(mappingFile)));
        if (mapping == null && mappingName == null) {
            System.err.println("Name a mapping with --mapping or --mapping-file. Built-in mappings:");
            imports.mappings().forEach(m -> System.err.println("  " + m.name() + "  " + m.description()));
            return null;
        }

        ImportRequest request = new ImportRequest(path, null, mappingName, mapping, strict, batchSize, charset);
        ImportJob job = imports.start(ConsoleCaller.current(), request, committed -> {});
        while (!job.finished()) {
            printProgress(job);
            Thread.sleep(250);
            job = imports.job(job.id()).orElseThrow();
        }
        printProgress(job);
        System.out.println();
        printSummary(job);
        return null;
    }

    private static void printProgress(ImportJob job) {
        int filled = (int) Math.round(job.percent() / 100 * BAR_WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        System.out.printf(
                "\r[%s] %5.1f%%  %,d rows  %,.0f rows/s", bar, job.percent(), job.rowsRead(), job.rowsPerSecond());
        System.out.flush();
    }

    private void printSummary(ImportJob job) {
        System.out.printf("%s %s with mapping %s (%s)%n", job.state(), job.fileName(), job.mapping(), job.charset());
        System.out.printf(
                "Rows read %,d; inserted %,d, updated %,d, unchanged %,d, rejected %,d%n",
                job.rowsRead(), job.inserted(), job.updated(), job.unchanged(), job.rejected());
        if (job.startedAt() != null && job.finishedAt() != null) {
            long millis = job.finishedAt().toEpochMilli() - job.startedAt().toEpochMilli();
            System.out.printf("Time %.1f s, %,.0f rows/s%n", millis / 1000.0, job.rowsPerSecond());
        }
        if (!job.ignoredColumns().isEmpty()) {
            System.out.println("Columns not used by the mapping: " + job.ignoredColumns());
        }
        job.rejections().stream()
                .limit(10)
                .forEach(r ->
                        System.out.printf("  line %d, %s '%s': %s%n", r.line(), r.column(), r.value(), r.reason()));
        imports.rejectionReport(job.id()).ifPresent(report -> System.out.println("Rejection report: " + report));
        if (job.error() != null) {
            System.out.println("Error: " + job.error());
        }
    }
}
