package org.sellcraft.api.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.security.Caller;

/** Streaming import of CSV and Excel files. */
@ProviderType
public interface ImportService {

    /**
     * Starts an import in the background and returns its first snapshot.
     *
     * @throws IllegalArgumentException naming the problem when the mapping is unknown or invalid, or the file cannot
     *     be read
     */
    ImportJob start(Caller caller, ImportRequest request, ImportListener listener);

    /** Returns the current snapshot of a job. */
    Optional<ImportJob> job(String id);

    /** Returns recent jobs, newest first. */
    List<ImportJob> jobs();

    /**
     * Returns the current snapshot of a job, if the caller may see it.
     *
     * @param caller who is asking: administrators and the platform see every job, anyone else the jobs they started
     * @param id the job's id
     * @return the snapshot, or empty when there is no such job or it is someone else's
     * @since 1.1
     */
    Optional<ImportJob> job(Caller caller, String id);

    /**
     * Returns the recent jobs the caller may see, newest first.
     *
     * @param caller who is asking: administrators and the platform see every job, anyone else the jobs they started
     * @return the snapshots, newest first
     * @since 1.1
     */
    List<ImportJob> jobs(Caller caller);

    /** Returns the rejection report of a job (CSV: line, column, value, reason), if it has one. */
    Optional<Path> rejectionReport(String jobId);

    /**
     * Returns the mappings a request can name: the built-in ones and those that installed modules publish as
     * {@link ImportMapping} services.
     */
    List<ImportMapping> mappings();

    /**
     * Reads a user-supplied mapping from JSON.
     *
     * @throws IllegalArgumentException naming the field at fault when the mapping is invalid
     */
    ImportMapping parseMapping(String json);
}
