package org.sellcraft.health.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The full retail file imported once, with the platform's own importer and mapping, into a real store in a
 * temporary folder: the core outside OSGi, as the crash test runs it.
 */
final class RetailStore {

    private static RetailStore shared;

    final Path folder;
    final MapDbRecordStore store;
    final RecordServiceImpl records;

    private RetailStore(Path folder) {
        this.folder = folder;
        this.store = new MapDbRecordStore(folder.resolve("store"));
        this.records = new RecordServiceImpl(store, new CoreRecordTypes(List.of(Snapshots.TYPE)));
    }

    /** Returns the store with the retail file imported, importing it on first use. */
    static synchronized RetailStore get() throws Exception {
        if (shared == null) {
            RetailStore fresh = new RetailStore(Files.createTempDirectory("sellcraft-health-retail"));
            fresh.importRetail();
            Runtime.getRuntime().addShutdownHook(new Thread(fresh::delete));
            shared = fresh;
        }
        return shared;
    }

    private void importRetail() throws Exception {
        CoreRecordTypes types = new CoreRecordTypes(List.of(Snapshots.TYPE));
        try (ImportServiceImpl imports = new ImportServiceImpl(records, types, folder.resolve("jobs"), 10_000, 2)) {
            ImportJob job =
                    imports.start(Caller.system(), ImportRequest.of(RawRetail.FILE, "uci-online-retail"), j -> {});
            while (!job.finished()) {
                Thread.sleep(50);
                job = imports.job(job.id()).orElseThrow();
            }
            if (job.state() != ImportJob.State.DONE) {
                throw new IllegalStateException("The retail import failed: " + job.error());
            }
        }
    }

    private void delete() {
        store.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
