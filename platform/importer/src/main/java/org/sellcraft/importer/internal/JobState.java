package org.sellcraft.importer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.Rejection;
import org.sellcraft.api.service.UpsertResult;

/**
 * The progress of one job, written by the job's thread and read as {@link ImportJob} snapshots by anyone. Strict
 * jobs read the file twice; each pass fills its own share of the percentage.
 */
final class JobState {

    /** How many rejections a snapshot carries; the report has all of them. */
    static final int SNAPSHOT_REJECTIONS = 100;

    private final String id;
    private final String fileName;
    private final String mapping;
    private final String startedBy;
    private ImportJob.State state = ImportJob.State.RUNNING;
    private String charset;
    private long rowsRead;
    private long rowsCommitted;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;
    private double percent;
    private double passStart;
    private double passShare = 100;
    private Instant startedAt;
    private Instant finishedAt;
    private List<String> ignoredColumns = List.of();
    private final List<Rejection> rejections = new ArrayList<>();
    private String error;

    /**
     * @param startedBy the user id of the caller who started the job
     */
    JobState(String id, String fileName, String mapping, String startedBy) {
        this.id = id;
        this.fileName = fileName;
        this.mapping = mapping;
        this.startedBy = startedBy;
    }

    String id() {
        return id;
    }

    String startedBy() {
        return startedBy;
    }

    synchronized ImportJob snapshot() {
        return new ImportJob(
                id,
                fileName,
                mapping,
                state,
                charset,
                rowsRead,
                rowsCommitted,
                inserted,
                updated,
                unchanged,
                rejected,
                percent,
                rowsPerSecond(),
                startedAt,
                finishedAt,
                ignoredColumns,
                List.copyOf(rejections),
                error);
    }

    synchronized boolean finished() {
        return state != ImportJob.State.RUNNING;
    }

    synchronized long rejected() {
        return rejected;
    }

    /** Reading begins. */
    synchronized void started() {
        startedAt = Instant.now();
    }

    /**
     * A pass over the file begins; its progress fills {@code share} percent from {@code start}. A second pass reads
     * the rows again, so the rows read start over.
     */
    synchronized void pass(String fileCharset, List<String> ignored, double start, double share) {
        charset = fileCharset;
        ignoredColumns = List.copyOf(ignored);
        passStart = start;
        passShare = share;
        rowsRead = 0;
    }

    synchronized void read(double fileProgress) {
        rowsRead++;
        percent = passStart + passShare * fileProgress;
    }

    synchronized void committed(long rows, UpsertResult result) {
        rowsCommitted += rows;
        inserted += result.inserted();
        updated += result.updated();
        unchanged += result.unchanged();
    }

    synchronized void rejected(Rejection rejection) {
        rejected++;
        if (rejections.size() < SNAPSHOT_REJECTIONS) {
            rejections.add(rejection);
        }
    }

    synchronized void finished(String failure) {
        state = failure == null ? ImportJob.State.DONE : ImportJob.State.FAILED;
        error = failure;
        finishedAt = Instant.now();
        if (failure == null) {
            percent = 100;
        }
    }

    private double rowsPerSecond() {
        if (startedAt == null) {
            return 0;
        }
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Duration.between(startedAt, end).toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsRead / seconds;
    }
}
