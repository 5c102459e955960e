package org.sellcraft.api.record;

import java.util.Collection;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The record types known at this moment: the core's and those of installed capability bundles. */
@ProviderType
public interface RecordTypeRegistry {

    /** Returns the type with this name, if one is registered. */
    Optional<RecordType> byName(String name);

    /** Returns the type served under this REST collection name, if one is registered. */
    Optional<RecordType> byCollection(String collection);

    /** Returns all registered types. */
    Collection<RecordType> all();
}
