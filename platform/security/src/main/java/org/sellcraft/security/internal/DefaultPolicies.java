package org.sellcraft.security.internal;

import static org.sellcraft.api.security.Action.CREATE;
import static org.sellcraft.api.security.Action.READ;
import static org.sellcraft.api.security.Action.UPDATE;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.RecordScope;
import org.sellcraft.api.security.RolePolicy;
import org.sellcraft.api.security.Roles;

/** The policy a new installation starts with; administrators change it as data afterwards. */
final class DefaultPolicies {

    /** Reference data every staff member and partner may look up: the catalogue and the sales organisation. */
    private static final List<String> DIRECTORY = List.of(
            SalesTypes.PRODUCT,
            SalesTypes.STORE,
            SalesTypes.REP,
            SalesTypes.MANAGER,
            SalesTypes.TEAM,
            SalesTypes.REGION,
            SalesTypes.STOCK);

    private static final Set<Action> ALL_ACTIONS = EnumSet.allOf(Action.class);

    /**
     * The ecosystem's work orders, by name: service providers open and close repair orders. The ecosystem's own
     * guard keeps their changes to opening and closing; contracts stay read-only for every partner.
     */
    static final String WORK_ORDER = "work-order";

    /**
     * The automation engine's notifications, by name: messages to one person or role, read through the notifications
     * resource. Analysts read every record, but not other people's messages.
     */
    static final String NOTIFICATION = "notification";

    private DefaultPolicies() {}

    static List<RolePolicy> all() {
        return List.of(
                admin(),
                manager(),
                rep(),
                analyst(),
                partner(Roles.DEALER, Map.of()),
                partner(Roles.SERVICE_PROVIDER, Map.of(WORK_ORDER, Set.of(READ, CREATE, UPDATE))),
                partner(Roles.LOGISTICS, Map.of()),
                partner(Roles.SUPPLIER, Map.of()),
                partner(Roles.CONTRACTOR, Map.of()));
    }

    private static RolePolicy admin() {
        return new RolePolicy(
                Roles.ADMIN, RecordScope.ALL, Map.of(), Set.of(), Set.of(), Map.of(RolePolicy.ANY_TYPE, ALL_ACTIONS));
    }

    /**
     * A manager runs their team's records but only reads the directory: changing a rep's manager, a team or a
     * product would let them widen their own scope or the catalogue everyone sells from.
     */
    private static RolePolicy manager() {
        Map<String, Set<Action>> actions = new HashMap<>();
        actions.put(RolePolicy.ANY_TYPE, ALL_ACTIONS);
        DIRECTORY.forEach(type -> actions.put(type, Set.of(READ)));
        return new RolePolicy(Roles.MANAGER, RecordScope.TEAM, directory(RecordScope.ALL), Set.of(), Set.of(), actions);
    }

    private static RolePolicy rep() {
        Map<String, Set<Action>> actions = new HashMap<>();
        actions.put(RolePolicy.ANY_TYPE, Set.of(READ));
        for (String type : List.of(
                SalesTypes.ACCOUNT,
                SalesTypes.CONTACT,
                SalesTypes.OPPORTUNITY,
                SalesTypes.ACTIVITY,
                SalesTypes.ORDER)) {
            actions.put(type, Set.of(READ, CREATE, UPDATE));
        }
        return new RolePolicy(
                Roles.REP, RecordScope.OWN, directory(RecordScope.ALL), Set.of(FieldClass.SECRET), Set.of(), actions);
    }

    private static RolePolicy analyst() {
        return new RolePolicy(
                Roles.ANALYST,
                RecordScope.ALL,
                Map.of(NOTIFICATION, RecordScope.NONE),
                Set.of(),
                Set.of(FieldClass.SENSITIVE),
                Map.of(RolePolicy.ANY_TYPE, Set.of(READ)));
    }

    /**
     * A partner role: its organisation's records within its regions, the catalogue, no secret (cost prices),
     * internal or personal field, and reading only unless {@code writes} says otherwise.
     */
    private static RolePolicy partner(String role, Map<String, Set<Action>> writes) {
        Map<String, Set<Action>> actions = new HashMap<>(writes);
        actions.put(RolePolicy.ANY_TYPE, Set.of(READ));
        return new RolePolicy(
                role,
                RecordScope.PARTNER,
                Map.of(SalesTypes.PRODUCT, RecordScope.ALL),
                Set.of(FieldClass.SECRET, FieldClass.INTERNAL, FieldClass.SENSITIVE),
                Set.of(),
                actions);
    }

    private static Map<String, RecordScope> directory(RecordScope scope) {
        Map<String, RecordScope> scopes = new HashMap<>();
        DIRECTORY.forEach(type -> scopes.put(type, scope));
        return scopes;
    }
}
