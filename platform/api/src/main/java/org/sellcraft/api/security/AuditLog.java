package org.sellcraft.api.security;

import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit log, kept across restarts. */
@ProviderType
public interface AuditLog {

    /** Appends an entry. Entries are never changed or removed through this interface. */
    void record(String actor, String action, String target, String detail, String from);

    /**
     * Returns entries, newest first.
     *
     * @param actor only this actor's entries, or {@code null}
     * @param action only this action, or {@code null}
     * @param from only entries at or after this moment, or {@code null}
     * @param to only entries before this moment, or {@code null}
     * @param limit at most this many
     */
    List<AuditEntry> query(String actor, String action, Instant from, Instant to, int limit);
}
