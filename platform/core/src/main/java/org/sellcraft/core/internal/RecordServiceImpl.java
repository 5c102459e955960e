package org.sellcraft.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordGuard;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordRefusedException;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.UnknownTypeException;
import org.sellcraft.api.service.UpsertResult;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.api.service.VersionConflictException;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record service over whichever {@link RecordStore} backend is installed. Every call goes through the access
 * policy: the action must be allowed for the type, records outside the caller's scope do not exist for them (404,
 * and never counted), fields they may not see are removed before anything else (filters included), and a write may
 * not move a record out of the caller's scope. Changes and reads of sensitive fields go to the audit log.
 */
@Component(service = RecordService.class)
public class RecordServiceImpl implements RecordService {

    private static final Logger LOG = LoggerFactory.getLogger(RecordServiceImpl.class);
    private static final String OWNER = "ownerId";

    private final RecordStore store;
    private final RecordTypeRegistry types;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    private final List<RecordGuard> guards = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public RecordServiceImpl(
            @Reference RecordStore store,
            @Reference RecordTypeRegistry types,
            @Reference AccessPolicy policy,
            @Reference AuditLog audit) {
        this(store, types, policy, audit, Clock.systemUTC());
    }

    /** A record service for the platform's own tools outside the container: only {@link Caller#system()} may use it. */
    public RecordServiceImpl(RecordStore store, RecordTypeRegistry types) {
        this(store, types, new PlatformOnlyPolicy(), NO_AUDIT, Clock.systemUTC());
    }

    RecordServiceImpl(RecordStore store, RecordTypeRegistry types, AccessPolicy policy, AuditLog audit, Clock clock) {
        this.store = store;
        this.types = types;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a business rule every create and update must pass; see {@link RecordGuard}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addGuard(RecordGuard guard) {
        guards.add(guard);
    }

    public void removeGuard(RecordGuard guard) {
        guards.remove(guard);
    }

    private void guard(Caller caller, RecordType type, Record current, Map<String, Object> fields) {
        for (RecordGuard guard : guards) {
            guard.check(caller, type, current, java.util.Collections.unmodifiableMap(fields));
        }
    }

    static final AuditLog NO_AUDIT = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, String detail, String from) {}

        @Override
        public List<org.sellcraft.api.security.AuditEntry> query(
                String actor, String action, Instant from, Instant to, int limit) {
            return List.of();
        }
    };

    @Override
    public Record get(Caller caller, String type, String id) {
        RecordType recordType = requireType(type);
        policy.check(caller, type, Action.READ);
        Record shown = policy.redact(caller, recordType, visibleRecord(caller, type, id));
        auditSensitiveRead(caller, recordType, List.of(shown), type + "/" + id);
        return shown;
    }

    /** The stored record, if the caller may see it; otherwise it does not exist for them. */
    private Record visibleRecord(Caller caller, String type, String id) {
        return store.get(type, id)
                .filter(policy.visible(caller, type))
                .orElseThrow(() -> new RecordNotFoundException(type, id));
    }

    @Override
    public void forEach(Caller caller, String type, Consumer<Record> consumer) {
        RecordType recordType = requireType(type);
        policy.check(caller, type, Action.READ);
        Predicate<Record> visible = policy.visible(caller, type);
        store.forEach(type, record -> {
            if (visible.test(record)) {
                consumer.accept(policy.redact(caller, recordType, record));
            }
        });
    }

    @Override
    public Page<Record> list(Caller caller, RecordQuery query) {
        RecordType type = requireType(query.type());
        policy.check(caller, type.name(), Action.READ);
        List<RecordQuery.Filter> own = new ArrayList<>();
        List<RecordQuery.Filter> throughReferences = new ArrayList<>();
        query.filters().forEach(filter -> (filter.field().contains(".") ? throughReferences : own).add(filter));
        Predicate<Record> matches =
                RecordFilters.compile(type, own).and(throughReferences(caller, type, throughReferences));
        Comparator<Record> order = RecordFilters.order(type, query.sortField(), query.descending());

        // Filters see records as the caller does: a hidden field cannot be probed by filtering on it.
        List<Record> matching = new ArrayList<>();
        forEach(caller, type.name(), record -> {
            if (matches.test(record)) {
                matching.add(record);
            }
        });
        matching.sort(order);

        int limit = Math.max(0, Math.min(query.limit(), RecordQuery.MAX_LIMIT));
        int from = Math.min(Math.max(query.offset(), 0), matching.size());
        int to = Math.min(from + limit, matching.size());
        List<Record> page = matching.subList(from, to);
        auditSensitiveRead(caller, type, page, type.name() + " list");
        return new Page<>(page, matching.size(), from, limit);
    }

    /**
     * Filters on a field of the record a reference points to, such as {@code ownerId.regionId} for the deals of a
     * region's reps: the referenced records are matched as the caller sees them, so a hidden field cannot be probed.
     */
    private Predicate<Record> throughReferences(Caller caller, RecordType type, List<RecordQuery.Filter> filters) {
        Predicate<Record> all = record -> true;
        for (RecordQuery.Filter filter : filters) {
            int dot = filter.field().indexOf('.');
            String link = filter.field().substring(0, dot);
            FieldDef reference = RecordFilters.filterable(type, link);
            if (reference.kind() != FieldKind.REFERENCE || reference.referenceType() == null) {
                throw new ValidationException(
                        filter.field(), null, "leads nowhere: only a reference field can name another record's field");
            }
            RecordType target = requireType(reference.referenceType());
            Predicate<Record> targetMatches;
            try {
                targetMatches = RecordFilters.compile(
                        target,
                        List.of(new RecordQuery.Filter(
                                filter.field().substring(dot + 1), filter.operator(), filter.value())));
            } catch (ValidationException e) {
                throw new ValidationException(link + "." + e.field(), e.value(), e.reason());
            }

            Set<String> ids = new HashSet<>();
            forEach(caller, target.name(), record -> {
                if (targetMatches.test(record)) {
                    ids.add(record.id());
                }
            });
            all = all.and(record -> {
                Object value = record.get(link);
                return value != null && ids.contains(value.toString());
            });
        }
        return all;
    }

    @Override
    public Record create(Caller caller, String typeName, Map<String, Object> fields) {
        RecordType type = requireType(typeName);
        policy.check(caller, typeName, Action.CREATE);
        policy.checkWritable(caller, type, fields.keySet());
        Map<String, Object> values = FieldValues.convert(type, fields);
        values.values().removeIf(java.util.Objects::isNull);
        ownByDefault(caller, type, values);
        FieldValues.checkRequired(type, values);

        String id = naturalId(type, values).orElseGet(RecordIds::random);
        Instant now = clock.instant();
        Record record = new Record(type.name(), id, 1, now, now, values);
        requireInScope(caller, record);
        requireVisibleAccounts(caller, type, values);
        new References(store, types).require(type, values, "");
        guard(caller, type, null, values);
        try {
            store.write(List.of(new RecordWrite.Put(record, 0)));
        } catch (VersionConflictException e) {
            throw new VersionConflictException(
                    "Another " + type.name() + " record has the same " + type.keyFields() + " (id '" + id + "')",
                    e.currentVersion());
        }
        publish(caller, record, RecordEvents.CREATED);
        audit.record(caller.userName(), "record-created", typeName + "/" + id, null, caller.address());
        return policy.redact(caller, type, record);
    }

    /** A rep's new record is theirs unless they say otherwise. */
    private static void ownByDefault(Caller caller, RecordType type, Map<String, Object> values) {
        if (caller.personId() != null && type.field(OWNER).isPresent()) {
            values.putIfAbsent(OWNER, caller.personId());
        }
    }

    private void requireInScope(Caller caller, Record record) {
        requireInScope(policy.visible(caller, record.type()), record);
    }

    private static void requireInScope(Predicate<Record> visible, Record record) {
        if (!visible.test(record)) {
            throw new AccessDeniedException(
                    "You may only keep " + record.type() + " records within your own scope (owner, team or partner)");
        }
    }

    /**
     * Refuses a reference to an account the caller cannot see. Owning a deal or an order with an account puts the
     * account in a rep's or manager's scope, so such a reference would widen it. A missing account and a hidden one
     * get the same answer, so that the refusal tells nothing about which accounts exist.
     */
    private void requireVisibleAccounts(Caller caller, RecordType type, Map<String, Object> values) {
        if (!policy.seesAll(caller, SalesTypes.ACCOUNT)) {
            requireAccounts(type, values, visibleAccounts(caller, Set.of()));
        }
    }

    /** Which account ids the caller may refer to: those they see, and those written in the same transaction. */
    private Predicate<String> visibleAccounts(Caller caller, Set<String> written) {
        Predicate<Record> visible = policy.visible(caller, SalesTypes.ACCOUNT);
        return id -> written.contains(id)
                || store.get(SalesTypes.ACCOUNT, id).filter(visible).isPresent();
    }

    private static void requireAccounts(RecordType type, Map<String, Object> values, Predicate<String> allowed) {
        for (FieldDef def : type.fields()) {
            Object account = values.get(def.name());
            boolean accountReference =
                    def.kind() == FieldKind.REFERENCE && SalesTypes.ACCOUNT.equals(def.referenceType());
            if (accountReference && account != null && !allowed.test(account.toString())) {
                throw new AccessDeniedException(
                        def.name(), "The field '" + def.name() + "' must refer to an account you can see");
            }
        }
    }

    @Override
    public Record update(Caller caller, String typeName, String id, long expectedVersion, Map<String, Object> changes) {
        RecordType type = requireType(typeName);
        policy.check(caller, typeName, Action.UPDATE);
        policy.checkWritable(caller, type, changes.keySet());
        Map<String, Object> values = FieldValues.convert(type, changes);
        Record stored = visibleRecord(caller, typeName, id);
        if (stored.version() != expectedVersion) {
            throw conflict(stored, expectedVersion);
        }

        Map<String, Object> merged = new LinkedHashMap<>(stored.fields());
        values.forEach((field, value) -> {
            if (value == null) {
                merged.remove(field);
            } else {
                merged.put(field, value);
            }
        });
        FieldValues.checkRequired(type, merged);

        Record updated = new Record(type.name(), id, stored.version() + 1, stored.createdAt(), clock.instant(), merged);
        requireInScope(caller, updated);
        requireVisibleAccounts(caller, type, values);
        new References(store, types).require(type, values, "");
        guard(caller, type, stored, merged);
        store.write(List.of(new RecordWrite.Put(updated, expectedVersion)));
        publish(caller, updated, RecordEvents.UPDATED);
        audit.record(
                caller.userName(),
                "record-updated",
                typeName + "/" + id,
                "fields " + changes.keySet(),
                caller.address());
        return policy.redact(caller, type, updated);
    }

    @Override
    public void delete(Caller caller, String typeName, String id, long expectedVersion) {
        requireType(typeName);
        policy.check(caller, typeName, Action.DELETE);
        Record stored = visibleRecord(caller, typeName, id);
        if (stored.version() != expectedVersion) {
            throw conflict(stored, expectedVersion);
        }

        store.write(List.of(new RecordWrite.Delete(typeName, id, expectedVersion)));
        post(event(caller, typeName, id, 0, RecordEvents.DELETED));
        audit.record(caller.userName(), "record-deleted", typeName + "/" + id, null, caller.address());
    }

    @Override
    public UpsertResult upsert(Caller caller, String typeName, List<Map<String, Object>> rows) {
        return upsertAll(caller, Map.of(typeName, rows)).get(typeName);
    }

    @Override
    public Map<String, UpsertResult> upsertAll(Caller caller, Map<String, List<Map<String, Object>>> rowsByType) {
        List<PreparedUpsert> prepared = new ArrayList<>();
        List<RecordWrite> writes = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> rows : rowsByType.entrySet()) {
            PreparedUpsert upsert = prepareUpsert(caller, rows.getKey(), rows.getValue());
            prepared.add(upsert);
            writes.addAll(upsert.writes());
        }
        requireVisibleAccounts(caller, prepared);
        requireReferences(prepared);

        store.write(writes);

        Map<String, UpsertResult> results = new LinkedHashMap<>();
        for (PreparedUpsert upsert : prepared) {
            results.put(upsert.type(), announce(caller, upsert));
        }
        return results;
    }

    /** Checks the account references of an upsert; it may refer to the accounts it writes itself. */
    private void requireVisibleAccounts(Caller caller, List<PreparedUpsert> prepared) {
        if (policy.seesAll(caller, SalesTypes.ACCOUNT)) {
            return;
        }
        Set<String> written = new java.util.HashSet<>();
        prepared.stream()
                .filter(upsert -> upsert.type().equals(SalesTypes.ACCOUNT))
                .forEach(upsert -> {
                    upsert.inserted().forEach(record -> written.add(record.id()));
                    upsert.updated().forEach(record -> written.add(record.id()));
                });
        Predicate<String> allowed = visibleAccounts(caller, written);
        for (PreparedUpsert upsert : prepared) {
            RecordType type = requireType(upsert.type());
            upsert.inserted().forEach(record -> requireAccounts(type, record.fields(), allowed));
            upsert.updated().forEach(record -> requireAccounts(type, record.fields(), allowed));
        }
    }

    /** Refuses a row whose references point nowhere; the records of the same transaction count as existing. */
    private void requireReferences(List<PreparedUpsert> prepared) {
        References references = new References(store, types);
        prepared.forEach(upsert -> upsert.writes().forEach(write -> {
            Record record = ((RecordWrite.Put) write).record();
            references.written(record.type(), record.id());
        }));
        for (PreparedUpsert upsert : prepared) {
            RecordType type = requireType(upsert.type());
            int row = 0;
            for (RecordWrite write : upsert.writes()) {
                references.require(type, ((RecordWrite.Put) write).record().fields(), "rows[" + row++ + "].");
            }
        }
    }

    /** What an upsert of one type will write, worked out before anything is stored. */
    private record PreparedUpsert(
            String type,
            int rows,
            List<RecordWrite> writes,
            List<Record> inserted,
            List<Record> updated,
            int unchanged) {}

    private PreparedUpsert prepareUpsert(Caller caller, String typeName, List<Map<String, Object>> rows) {
        RecordType type = requireType(typeName);
        if (type.keyFields().isEmpty()) {
            throw new ValidationException(
                    null, null, "records of type " + typeName + " have no natural key to upsert by");
        }
        policy.check(caller, typeName, Action.CREATE);
        policy.check(caller, typeName, Action.UPDATE);
        rows.forEach(row -> policy.checkWritable(caller, type, row.keySet()));
        Map<String, Map<String, Object>> incoming = convertRows(type, rows);
        Predicate<Record> visible = policy.visible(caller, typeName);

        Instant now = clock.instant();
        List<RecordWrite> writes = new ArrayList<>();
        List<Record> inserted = new ArrayList<>();
        List<Record> updated = new ArrayList<>();
        int unchanged = 0;
        int index = -1;
        for (Map.Entry<String, Map<String, Object>> entry : incoming.entrySet()) {
            index++;
            Optional<Record> stored = store.get(type.name(), entry.getKey());
            if (stored.isPresent() && !visible.test(stored.get())) {
                throw new AccessDeniedException("The " + typeName + " '" + entry.getKey() + "' is outside your scope");
            }
            if (stored.isEmpty()) {
                Record record = new Record(type.name(), entry.getKey(), 1, now, now, entry.getValue());
                FieldValues.checkRequired(type, record.fields());
                requireInScope(visible, record);
                guardRow(caller, type, null, record.fields(), index);
                writes.add(new RecordWrite.Put(record, 0));
                inserted.add(record);
                continue;
            }
            Record current = stored.get();
            Map<String, Object> merged = LineMerge.merge(type, current.fields(), entry.getValue());
            if (merged.equals(current.fields())) {
                unchanged++;
                continue;
            }
            guardRow(caller, type, current, merged, index);
            Record record =
                    new Record(type.name(), current.id(), current.version() + 1, current.createdAt(), now, merged);
            // A change must not move a record out of the importer's own scope, where it could not see it again.
            requireInScope(visible, record);
            writes.add(new RecordWrite.Put(record, current.version()));
            updated.add(record);
        }
        return new PreparedUpsert(typeName, rows.size(), writes, inserted, updated, unchanged);
    }

    /** Audits and publishes what a committed upsert of one type changed. */
    private UpsertResult announce(Caller caller, PreparedUpsert upsert) {
        if (!upsert.writes().isEmpty()) {
            audit.record(
                    caller.userName(),
                    "records-imported",
                    upsert.type(),
                    upsert.inserted().size() + " created, " + upsert.updated().size() + " changed",
                    caller.address());
        }
        LOG.debug(
                "Upserted {} {} records: {} new, {} changed, {} unchanged",
                upsert.rows(),
                upsert.type(),
                upsert.inserted().size(),
                upsert.updated().size(),
                upsert.unchanged());
        upsert.inserted().forEach(record -> publish(caller, record, RecordEvents.CREATED));
        upsert.updated().forEach(record -> publish(caller, record, RecordEvents.UPDATED));
        return new UpsertResult(upsert.inserted().size(), upsert.updated().size(), upsert.unchanged());
    }

    /** Guards one record of a batch; a refusal names the record's place among the batch's distinct records. */
    private void guardRow(Caller caller, RecordType type, Record current, Map<String, Object> fields, int index) {
        try {
            guard(caller, type, current, fields);
        } catch (RecordRefusedException e) {
            throw e.at("rows[" + index + "]" + (e.field() == null ? "" : "." + e.field()));
        }
    }

    /** Converts rows and folds rows with the same natural key into one, in arrival order. */
    private Map<String, Map<String, Object>> convertRows(RecordType type, List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> values;
            try {
                values = FieldValues.convert(type, rows.get(i));
            } catch (ValidationException e) {
                throw new ValidationException("rows[" + i + "]." + e.field(), e.value(), e.reason());
            }
            int row = i;
            String id = naturalId(type, values)
                    .orElseThrow(() -> new ValidationException(
                            "rows[" + row + "]", null, "lacks a value for the key fields " + type.keyFields()));
            byId.merge(id, values, (earlier, later) -> LineMerge.merge(type, earlier, later));
        }
        byId.values().forEach(values -> values.values().removeIf(java.util.Objects::isNull));
        return byId;
    }

    @Override
    public long count(Caller caller, String type) {
        requireType(type);
        policy.check(caller, type, Action.READ);
        if (caller.isSystem()) {
            return store.count(type);
        }
        Predicate<Record> visible = policy.visible(caller, type);
        long[] count = {0};
        store.forEach(type, record -> {
            if (visible.test(record)) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** Records who read personal or secret values, once per request. */
    private void auditSensitiveRead(Caller caller, RecordType type, List<Record> shown, String target) {
        if (caller.isSystem() || shown.isEmpty()) {
            return;
        }
        Set<String> fields = new TreeSet<>();
        for (FieldDef def : type.fields()) {
            boolean sensitive = def.fieldClass() == FieldClass.SENSITIVE || def.fieldClass() == FieldClass.SECRET;
            if (sensitive && shown.stream().anyMatch(record -> record.get(def.name()) != null)) {
                fields.add(def.name());
            }
        }
        if (!fields.isEmpty()) {
            String detail = shown.size() + " record(s): " + fields;
            audit.record(caller.userName(), "sensitive-read", target, detail, caller.address());
        }
    }

    private RecordType requireType(String name) {
        return types.byName(name).orElseThrow(() -> new UnknownTypeException(name));
    }

    private static Optional<String> naturalId(RecordType type, Map<String, Object> values) {
        if (type.keyFields().isEmpty()) {
            return Optional.empty();
        }
        List<Object> key = new ArrayList<>();
        for (String field : type.keyFields()) {
            Object value = values.get(field);
            if (value == null) {
                return Optional.empty();
            }
            key.add(value);
        }
        return Optional.of(RecordIds.fromKey(type.name(), key));
    }

    private static VersionConflictException conflict(Record stored, long expectedVersion) {
        return new VersionConflictException(
                "The " + stored.type() + " '" + stored.id() + "' was changed by someone else: it is at version "
                        + stored.version() + ", you sent version " + expectedVersion,
                stored.version());
    }

    private void publish(Caller caller, Record record, String action) {
        post(event(caller, record.type(), record.id(), record.version(), action));
    }

    private static Event event(Caller caller, String type, String id, long version, String action) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(RecordEvents.TYPE, type);
        properties.put(RecordEvents.ID, id);
        properties.put(RecordEvents.VERSION, version);
        properties.put(RecordEvents.ACTOR, caller.userId());
        return new Event(RecordEvents.topic(type, action), properties);
    }

    private void post(Event event) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(event);
        }
    }
}
