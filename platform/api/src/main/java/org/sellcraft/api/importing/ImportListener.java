package org.sellcraft.api.importing;

import org.osgi.annotation.versioning.ConsumerType;

/** Hears of an import's progress. Called on the import's own thread: return quickly. */
@ConsumerType
public interface ImportListener {

    /** A batch is durably committed; {@code job.rowsCommitted()} rows are now safe. */
    void batchCommitted(ImportJob job);
}
