package org.sellcraft.api.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;
import org.sellcraft.api.record.Record;

/**
 * Durable storage of records, implemented by a storage backend (MapDB embedded, PostgreSQL later). Only the
 * record service talks to it; capability bundles go through the record service so that access rules hold.
 */
@ConsumerType
public interface RecordStore {

    /** Returns the stored record, if any. */
    Optional<Record> get(String type, String id);

    /** Hands every stored record of the type to the consumer, in no particular order. */
    void forEach(String type, Consumer<Record> consumer);

    /** Returns how many records of the type are stored. */
    long count(String type);

    /**
     * Applies all writes in one transaction and makes them durable before returning: after a crash either all of
     * them are there or none.
     *
     * @throws org.sellcraft.api.service.VersionConflictException when a write's expected version does not match the
     *     stored one; nothing is written then
     */
    void write(List<RecordWrite> writes);

    /** Returns facts about the store for operators: where it is, its size and record counts. */
    StoreStats stats();

    /**
     * Facts about a store.
     *
     * @param backend the backend's name
     * @param location where it keeps its data
     * @param sizeBytes the size of its files
     * @param countsByType stored records per type
     */
    record StoreStats(String backend, String location, long sizeBytes, Map<String, Long> countsByType) {}
}
