package org.sellcraft.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.importer.internal.ImportServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * Imports the full UCI retail file into Sellcraft's durable store and loads the same file into SQLite and DuckDB,
 * each in a fresh JVM of the same size, and prints rows per second and peak memory side by side.
 *
 * <p>Run: {@code mvn -pl benchmarks -am package exec:exec@import -DskipTests}
 */
public final class ImportBenchmark {

    private static final List<String> ENGINES = List.of("sellcraft", "sqlite", "duckdb");
    private static final String HEAP = "-Xmx1g";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path retail = Paths.get(System.getProperty("sellcraft.data", "../shared/data"))
                .resolve("uci-online-retail/online_retail.csv.gz");
        Path work = Paths.get(System.getProperty("benchmark.workdir", "target/bench"));
        if (args.length == 2) {
            System.out.println(runEngine(args[0], retail, Paths.get(args[1])).toLine());
            return;
        }

        List<Measured> results = new ArrayList<>();
        for (String engine : ENGINES) {
            results.add(runChild(engine, work.resolve(engine)));
        }
        print(results);
    }

    private static Measured runEngine(String engine, Path retail, Path folder) throws Exception {
        long start = System.nanoTime();
        long rows =
                switch (engine) {
                    case "sellcraft" -> sellcraft(retail, folder);
                    case "sqlite" -> PeerLoads.sqlite(retail, folder);
                    case "duckdb" -> PeerLoads.duckdb(retail, folder);
                    default -> throw new IllegalArgumentException("Unknown engine " + engine);
                };
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(engine, rows, seconds, Measured.currentPeakRssKib());
    }

    /** The import as the platform runs it: a batch of about 10,000 rows forced to the journal in one transaction. */
    private static long sellcraft(Path retail, Path folder) throws Exception {
        try (MapDbRecordStore store = new MapDbRecordStore(folder.resolve("store"))) {
            CoreRecordTypes types = new CoreRecordTypes();
            RecordServiceImpl records = new RecordServiceImpl(store, types);
            try (ImportServiceImpl imports =
                    new ImportServiceImpl(records, types, folder.resolve("jobs"), PeerLoads.COMMIT_EVERY, 5)) {
                ImportJob job = imports.start(Caller.system(), ImportRequest.of(retail, "uci-online-retail"), j -> {});
                while (!job.finished()) {
                    Thread.sleep(20);
                    job = imports.job(job.id()).orElseThrow();
                }
                if (job.state() != ImportJob.State.DONE) {
                    throw new IllegalStateException("Import failed: " + job.error());
                }
                return job.rowsRead();
            }
        }
    }

    private static Measured runChild(String engine, Path folder) throws IOException, InterruptedException {
        deleteTree(folder);
        Files.createDirectories(folder);
        Process child = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        HEAP,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dsellcraft.data=" + System.getProperty("sellcraft.data", "../shared/data"),
                        ImportBenchmark.class.getName(),
                        engine,
                        folder.toString())
                .redirectErrorStream(true)
                .start();
        Measured measured = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (Measured.isLine(line)) {
                    measured = Measured.parse(line);
                }
            }
        }
        if (child.waitFor() != 0 || measured == null) {
            throw new IllegalStateException(engine + " run failed with exit code " + child.exitValue());
        }
        return measured;
    }

    private static void print(List<Measured> results) {
        Measured sellcraft = results.get(0);
        System.out.println();
        System.out.println(
                "Import of the UCI Online Retail file (541,909 rows), each engine in its own JVM (" + HEAP + ")");
        System.out.printf(
                "%-10s %10s %10s %14s %12s %16s%n",
                "engine", "rows", "seconds", "rows/s", "peak RSS", "Sellcraft rate");
        for (Measured m : results) {
            System.out.printf(
                    "%-10s %,10d %10.2f %,14.0f %9.0f MiB %15.2fx%n",
                    m.engine(),
                    m.rows(),
                    m.seconds(),
                    m.rowsPerSecond(),
                    m.peakRssKib() / 1024.0,
                    sellcraft.rowsPerSecond() / m.rowsPerSecond());
        }
        System.out.println(
                "Sellcraft rate = Sellcraft's rows/s divided by that engine's. SQLite: WAL, synchronous=FULL,"
                        + " commit every 10,000 rows. DuckDB: read_csv then CHECKPOINT.");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
