package org.sellcraft.importer.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Writes an import's batches on a thread of its own while the next batch is read, so that parsing the file and
 * committing to the store overlap on two cores. Batches are written one at a time and in file order; the reader
 * hands over a batch only when the one before it is committed, so at most two batches are held in memory. A
 * failure of a write comes out of the next hand-over, or of {@link #close()}.
 */
final class BatchWriter implements AutoCloseable {

    private final Consumer<Batch> write;
    private final ExecutorService thread;
    private Future<?> inFlight;

    BatchWriter(String jobId, Consumer<Batch> write) {
        this.write = write;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread writer = new Thread(r, "sellcraft-import-" + jobId + "-writer");
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Waits for the batch before to be committed, then starts writing this one. */
    void submit(Batch batch) {
        awaitInFlight();
        inFlight = thread.submit(() -> write.accept(batch));
    }

    /** Waits for the last batch to be committed and ends the writer's thread. */
    @Override
    public void close() {
        try {
            awaitInFlight();
        } finally {
            // Never shutdownNow: an interrupt during a file-channel write would close the store for everyone.
            thread.shutdown();
        }
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        Future<?> writing = inFlight;
        inFlight = null;
        try {
            writing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("The import was interrupted while a batch was being stored");
        }
    }
}
