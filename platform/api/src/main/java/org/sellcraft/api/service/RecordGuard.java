package org.sellcraft.api.service;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;

/**
 * A business rule every write of a record must pass, whichever way it comes: a REST endpoint, an import, a module or
 * a rule. Bundles register guards as OSGi services; the record service asks each one before it stores a created or
 * changed record, after the access policy and the field checks. A guard must be quick and must not write records.
 */
@ConsumerType
public interface RecordGuard {

    /**
     * Refuses a write that breaks the guard's rule, or returns quietly.
     *
     * @param caller who writes
     * @param type the record's type
     * @param current the stored record before an update, or {@code null} when the record is new
     * @param fields every field of the record as it would be stored
     * @throws RecordRefusedException naming the reason when the write must not happen; nothing is stored
     */
    void check(Caller caller, RecordType type, Record current, Map<String, Object> fields);
}
