package org.sellcraft.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.RecordScope;
import org.sellcraft.api.security.RolePolicy;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;

/**
 * The access policy: the defaults of {@link DefaultPolicies}, overridden per role by what administrators stored.
 * A caller with several roles gets the union of what they allow: a record is visible when any role sees it, a
 * field is hidden only when every role hides it.
 */
@Component(service = AccessPolicy.class)
public class AccessPolicyImpl implements AccessPolicy {

    private static final String OWNER = "ownerId";
    private static final String PARTNER = "partnerId";
    private static final String REGION = "regionId";

    private final RecordStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, RolePolicy> byRole = new ConcurrentHashMap<>();

    @Activate
    public AccessPolicyImpl(@Reference RecordStore store, @Reference AuditLog audit) {
        this(store, audit, Clock.systemUTC());
    }

    AccessPolicyImpl(RecordStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        DefaultPolicies.all().forEach(policy -> byRole.put(policy.role(), policy));
        store.forEach(PolicyRecords.TYPE, record -> {
            RolePolicy stored = PolicyRecords.fromRecord(record);
            byRole.put(stored.role(), stored);
        });
    }

    @Override
    public List<RolePolicy> roles() {
        List<RolePolicy> roles = new ArrayList<>();
        Roles.ALL.forEach(role -> roles.add(byRole.get(role)));
        return roles;
    }

    @Override
    public synchronized RolePolicy update(Caller changedBy, RolePolicy policy) {
        if (!Roles.ALL.contains(policy.role())) {
            throw new IllegalArgumentException("Unknown role '" + policy.role() + "'; roles are " + Roles.ALL);
        }
        Instant now = clock.instant();
        var stored = store.get(PolicyRecords.TYPE, PolicyRecords.id(policy.role()));
        long version = stored.map(Record::version).orElse(0L);
        Instant created = stored.map(Record::createdAt).orElse(now);
        store.write(List.of(new RecordWrite.Put(PolicyRecords.toRecord(policy, version + 1, created, now), version)));
        byRole.put(policy.role(), policy);
        audit.record(
                changedBy.userName(),
                "permission-changed",
                "role/" + policy.role(),
                policy.toString(),
                changedBy.address());
        return policy;
    }

    @Override
    public Predicate<Record> visible(Caller caller, String type) {
        if (caller.isSystem()) {
            return record -> true;
        }
        Predicate<Record> any = record -> false;
        for (RolePolicy role : policiesOf(caller)) {
            any = any.or(visibleFor(caller, role.scopeOf(type), type));
        }
        return any;
    }

    @Override
    public boolean seesAll(Caller caller, String type) {
        return caller.isSystem() || policiesOf(caller).stream().anyMatch(role -> role.scopeOf(type) == RecordScope.ALL);
    }

    private Predicate<Record> visibleFor(Caller caller, RecordScope scope, String type) {
        return switch (scope) {
            case ALL -> record -> true;
            case NONE -> record -> false;
            case OWN -> owned(type, caller.personId() == null ? Set.of() : Set.of(caller.personId()));
            case TEAM -> owned(type, team(caller.personId()));
            case PARTNER -> partnerShared(caller);
        };
    }

    /** Records owned by one of these people; for accounts also those they sell to. */
    private Predicate<Record> owned(String type, Set<String> people) {
        // A mutable set: records without an owner ask for null, which immutable sets refuse.
        Set<String> owners = new HashSet<>(people);
        if (owners.isEmpty()) {
            return record -> false;
        }
        if (!type.equals(SalesTypes.ACCOUNT)) {
            return record -> owners.contains(record.get(OWNER));
        }
        Set<String> accounts = accountsSoldToBy(owners);
        return record -> owners.contains(record.get(OWNER)) || accounts.contains(record.id());
    }

    private Set<String> accountsSoldToBy(Set<String> owners) {
        Set<String> accounts = new HashSet<>();
        for (String type : List.of(SalesTypes.OPPORTUNITY, SalesTypes.ORDER)) {
            store.forEach(type, record -> {
                Object account = record.get("accountId");
                if (account != null && owners.contains(record.get(OWNER))) {
                    accounts.add(account.toString());
                }
            });
        }
        return accounts;
    }

    /** The manager and the reps whose manager they are. */
    private Set<String> team(String managerId) {
        Set<String> team = new HashSet<>();
        if (managerId == null) {
            return team;
        }
        team.add(managerId);
        store.forEach(SalesTypes.REP, rep -> {
            if (managerId.equals(rep.get("managerId"))) {
                team.add(rep.id());
            }
        });
        return team;
    }

    private static Predicate<Record> partnerShared(Caller caller) {
        if (caller.partnerId() == null) {
            return record -> false;
        }
        return record -> caller.partnerId().equals(record.get(PARTNER))
                && (caller.regionIds().isEmpty() || caller.regionIds().contains(record.get(REGION)));
    }

    @Override
    public void check(Caller caller, String type, Action action) {
        if (caller.isSystem() || policiesOf(caller).stream().anyMatch(role -> role.allows(type, action))) {
            return;
        }
        throw new AccessDeniedException(
                "Your role " + caller.roles() + " may not " + verb(action) + " " + type + " records");
    }

    private static String verb(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Record redact(Caller caller, RecordType type, Record record) {
        if (caller.isSystem()) {
            return record;
        }
        Set<FieldClass> hidden = hidden(caller);
        Set<FieldClass> masked = masked(caller);
        if (hidden.isEmpty() && masked.isEmpty()) {
            return record;
        }
        return record.withFields(redact(type.fields(), record.fields(), hidden, masked));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redact(
            List<FieldDef> defs, Map<String, Object> values, Set<FieldClass> hidden, Set<FieldClass> masked) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (FieldDef def : defs) {
            Object value = values.get(def.name());
            if (value == null || hidden.contains(def.fieldClass())) {
                continue;
            }
            if (masked.contains(def.fieldClass())) {
                shown.put(def.name(), Masks.mask(value));
            } else if (def.kind() == FieldKind.LINES) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (Map<String, Object> line : (List<Map<String, Object>>) value) {
                    lines.add(redact(def.parts(), line, hidden, masked));
                }
                shown.put(def.name(), lines);
            } else {
                shown.put(def.name(), value);
            }
        }
        return shown;
    }

    @Override
    public void checkWritable(Caller caller, RecordType type, Iterable<String> fields) {
        if (caller.isSystem()) {
            return;
        }
        Set<FieldClass> unseen = EnumSet.noneOf(FieldClass.class);
        unseen.addAll(hidden(caller));
        unseen.addAll(masked(caller));
        for (String field : fields) {
            type.field(field).filter(def -> unseen.contains(def.fieldClass())).ifPresent(def -> {
                throw new AccessDeniedException("Your role " + caller.roles() + " may not change the field '"
                        + def.name() + "' of " + type.name() + " records");
            });
        }
    }

    private Set<FieldClass> hidden(Caller caller) {
        return common(caller, RolePolicy::hiddenFields);
    }

    private Set<FieldClass> masked(Caller caller) {
        Set<FieldClass> masked = common(caller, RolePolicy::maskedFields);
        masked.removeAll(hidden(caller));
        return masked;
    }

    /** The classes that every one of the caller's roles lists: a field shows if any role may see it. */
    private Set<FieldClass> common(Caller caller, java.util.function.Function<RolePolicy, Set<FieldClass>> classes) {
        List<RolePolicy> roles = policiesOf(caller);
        if (roles.isEmpty()) {
            return EnumSet.allOf(FieldClass.class);
        }
        Set<FieldClass> common = EnumSet.allOf(FieldClass.class);
        roles.forEach(role -> common.retainAll(classes.apply(role)));
        return common;
    }

    private List<RolePolicy> policiesOf(Caller caller) {
        List<RolePolicy> policies = new ArrayList<>();
        for (String role : caller.roles()) {
            RolePolicy policy = byRole.get(role);
            if (policy != null) {
                policies.add(policy);
            }
        }
        return policies;
    }
}
