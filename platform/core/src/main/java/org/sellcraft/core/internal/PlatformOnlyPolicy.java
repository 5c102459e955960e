package org.sellcraft.core.internal;

import java.util.List;
import java.util.function.Predicate;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.RolePolicy;

/**
 * The policy of a record service built outside the container, for the platform's own tools (benchmarks, recovery
 * checks): the platform itself may do everything, anyone else nothing.
 */
final class PlatformOnlyPolicy implements AccessPolicy {

    @Override
    public List<RolePolicy> roles() {
        return List.of();
    }

    @Override
    public RolePolicy update(Caller changedBy, RolePolicy policy) {
        throw new AccessDeniedException("This record service has no policy to change");
    }

    @Override
    public Predicate<Record> visible(Caller caller, String type) {
        return record -> caller.isSystem();
    }

    @Override
    public boolean seesAll(Caller caller, String type) {
        return caller.isSystem();
    }

    @Override
    public void check(Caller caller, String type, Action action) {
        if (!caller.isSystem()) {
            throw new AccessDeniedException("Only the platform itself may use this record service");
        }
    }

    @Override
    public Record redact(Caller caller, RecordType type, Record record) {
        return record;
    }

    @Override
    public void checkWritable(Caller caller, RecordType type, Iterable<String> fields) {
        check(caller, type.name(), Action.UPDATE);
    }
}
