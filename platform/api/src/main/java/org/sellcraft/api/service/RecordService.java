package org.sellcraft.api.service;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;

/**
 * Reads and writes records on behalf of a caller. This is the layer below REST, import and every capability:
 * it validates values against the record type, keeps versions and timestamps, applies the access policy and
 * publishes a record event after every committed change.
 *
 * <p>Field values may be given as JSON would bring them (text, numbers, booleans, lists of maps) or already typed;
 * they are converted to the kinds their fields declare.
 */
@ProviderType
public interface RecordService {

    /**
     * Returns one record.
     *
     * @throws RecordNotFoundException when no record of that type has that id
     * @throws UnknownTypeException when the type is not registered
     */
    Record get(Caller caller, String type, String id);

    /**
     * Hands every record of the type that the caller may see to the consumer, in no particular order and without
     * paging: for engines that compute over all records (health scores, rules), not for responses to people.
     *
     * @throws UnknownTypeException when the type is not registered
     */
    void forEach(Caller caller, String type, Consumer<Record> consumer);

    /** Returns one page of the records that match the query, and how many match in all. */
    Page<Record> list(Caller caller, RecordQuery query);

    /**
     * Creates a record. When the type has a natural key and all key fields are given, the id is derived from them
     * and creating the same key twice is a conflict.
     *
     * @throws ValidationException naming the field and the reason when a value is missing or invalid
     * @throws VersionConflictException when a record with the same natural key exists
     */
    Record create(Caller caller, String type, Map<String, Object> fields);

    /**
     * Changes the given fields of a record; fields not given keep their values, a {@code null} value clears one.
     *
     * @param expectedVersion the version the caller read; the update is refused if the record changed since
     * @throws RecordNotFoundException when the record does not exist
     * @throws VersionConflictException when someone else saved first
     * @throws ValidationException naming the field and the reason
     */
    Record update(Caller caller, String type, String id, long expectedVersion, Map<String, Object> changes);

    /**
     * Deletes a record.
     *
     * @throws RecordNotFoundException when the record does not exist
     * @throws VersionConflictException when it changed since the caller read it
     */
    void delete(Caller caller, String type, String id, long expectedVersion);

    /**
     * Creates or updates many records by natural key in one durable transaction: either all of them are stored or
     * none. Lines ({@link org.sellcraft.api.record.FieldKind#LINES}) are merged by their first part, so an order
     * whose lines arrive in several batches ends up whole, and a batch applied twice changes nothing.
     *
     * @param rows field values per record; each must carry the type's key fields
     * @throws ValidationException naming the row index, field and reason; nothing of the batch is stored
     */
    UpsertResult upsert(Caller caller, String type, List<Map<String, Object>> rows);

    /**
     * Creates or updates records of several types by natural key in one durable transaction: either all of them are
     * stored or none. An import uses it to store a batch of rows together with the records they refer to (the
     * customers of a batch of orders), so that no half batch is ever visible.
     *
     * @param rowsByType field values per record, by type name, in the order the types are to be written
     * @return what happened to each type, by type name
     * @throws ValidationException naming the row index, field and reason; nothing of any type is stored
     * @since 1.2
     */
    Map<String, UpsertResult> upsertAll(Caller caller, Map<String, List<Map<String, Object>>> rowsByType);

    /** Returns how many records of the type the caller may see. */
    long count(Caller caller, String type);
}
