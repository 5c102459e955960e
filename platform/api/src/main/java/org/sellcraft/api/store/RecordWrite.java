package org.sellcraft.api.store;

import org.sellcraft.api.record.Record;

/** One write of a transaction. */
public sealed interface RecordWrite {

    /** The version the writer read; 0 means the record must not exist yet. */
    long expectedVersion();

    /** Stores the record, which already carries its new version and timestamps. */
    record Put(Record record, long expectedVersion) implements RecordWrite {}

    /** Removes a record. */
    record Delete(String type, String id, long expectedVersion) implements RecordWrite {}
}
