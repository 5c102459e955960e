package org.sellcraft.api.importing;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of an import job.
 *
 * @param id the job's id
 * @param fileName the imported file's name
 * @param mapping the mapping's name
 * @param state where the job is
 * @param charset the character set the file was read in
 * @param rowsRead data rows read so far
 * @param rowsCommitted rows whose batch is durably stored
 * @param inserted records created
 * @param updated records changed
 * @param unchanged records that already held the same values
 * @param rejected rows refused, each listed in the rejection report
 * @param percent how far through the file the job is, 0 to 100
 * @param rowsPerSecond the rate so far
 * @param startedAt when reading began
 * @param finishedAt when the job ended, or {@code null}
 * @param ignoredColumns columns of the file the mapping does not use
 * @param rejections the first rejections (the report holds all of them)
 * @param error why the job failed, or {@code null}
 */
public record ImportJob(
        String id,
        String fileName,
        String mapping,
        State state,
        String charset,
        long rowsRead,
        long rowsCommitted,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        double percent,
        double rowsPerSecond,
        Instant startedAt,
        Instant finishedAt,
        List<String> ignoredColumns,
        List<Rejection> rejections,
        String error) {

    /** The life of a job. */
    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public boolean finished() {
        return state != State.RUNNING;
    }
}
