package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportListener;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.security.Caller;

/** An importer over an in-memory record service, with helpers to run a job to its end. */
final class ImportFixture implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    final InMemoryRecords records = new InMemoryRecords();
    final ImportServiceImpl importer;

    ImportFixture(Path jobsDirectory) {
        this(jobsDirectory, 10_000);
    }

    ImportFixture(Path jobsDirectory, int batchSize) {
        importer = new ImportServiceImpl(records, records, jobsDirectory, batchSize, 50);
    }

    /** A file of the shared datasets, read in place. */
    static Path dataset(String relative) {
        Path file = Path.of(System.getProperty("sellcraft.data", "../../../shared/data"))
                .resolve(relative);
        assertTrue(Files.isRegularFile(file), "the shared dataset is missing: " + file.toAbsolutePath());
        return file;
    }

    ImportJob run(Path file, String mapping) {
        return run(ImportRequest.of(file, mapping), null);
    }

    ImportJob run(ImportRequest request, ImportListener listener) {
        return awaitEnd(importer.start(Caller.system(), request, listener).id());
    }

    /** Polls the job until it ends. */
    ImportJob awaitEnd(String id) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            ImportJob job = importer.job(id).orElseThrow();
            if (job.finished()) {
                return job;
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return fail("the import did not end within " + TIMEOUT);
    }

    @Override
    public void close() {
        importer.close();
    }
}
