package org.sellcraft.api.security;

import java.util.List;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;

/**
 * The rules of who may see and do what, as data, and their evaluation. The record service asks it before every
 * read and write; capability bundles get enforcement for their own types without writing checks.
 */
@ProviderType
public interface AccessPolicy {

    /** Returns the policy of every role. */
    List<RolePolicy> roles();

    /**
     * Replaces the policy of one role; the change is audited.
     *
     * @throws IllegalArgumentException when the role is unknown
     */
    RolePolicy update(Caller changedBy, RolePolicy policy);

    /**
     * Returns which records of a type the caller may see. Build it once per request: it may look up the caller's
     * team or accounts.
     */
    Predicate<Record> visible(Caller caller, String type);

    /**
     * Returns whether the caller sees every record of a type, so that no reference they write can reach past their
     * scope.
     *
     * @param caller who is asking
     * @param type the record type's name
     * @return {@code true} when one of the caller's roles has the scope {@link RecordScope#ALL} on the type
     * @since 1.3
     */
    boolean seesAll(Caller caller, String type);

    /**
     * Refuses an action the caller may not take on records of the type.
     *
     * @throws AccessDeniedException naming the action and the type
     */
    void check(Caller caller, String type, Action action);

    /**
     * Returns the record as the caller may see it: hidden fields removed, masked fields masked.
     */
    Record redact(Caller caller, RecordType type, Record record);

    /**
     * Refuses values for fields the caller may not see or change.
     *
     * @throws AccessDeniedException naming the field
     */
    void checkWritable(Caller caller, RecordType type, Iterable<String> fields);
}
