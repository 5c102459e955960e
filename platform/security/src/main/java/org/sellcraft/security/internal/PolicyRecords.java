package org.sellcraft.security.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.RecordScope;
import org.sellcraft.api.security.RolePolicy;

/**
 * Stores a role's policy as a record of plain text fields ({@code account=READ,CREATE;*=READ}), so that it needs no
 * serialisation library and reads the same in every version.
 */
final class PolicyRecords {

    static final String TYPE = "security-policy";

    private PolicyRecords() {}

    static String id(String role) {
        return RecordIds.fromKey(TYPE, role);
    }

    static Record toRecord(RolePolicy policy, long version, Instant created, Instant now) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("role", policy.role());
        fields.put("scope", policy.scope().name());
        fields.put("scopes", join(policy.scopes(), RecordScope::name));
        fields.put("hidden", classes(policy.hiddenFields()));
        fields.put("masked", classes(policy.maskedFields()));
        fields.put("actions", join(policy.actions(), actions -> actions.stream()
                .map(Action::name)
                .sorted()
                .collect(Collectors.joining(","))));
        return new Record(TYPE, id(policy.role()), version, created, now, fields);
    }

    static RolePolicy fromRecord(Record record) {
        Map<String, RecordScope> scopes = new TreeMap<>();
        split((String) record.get("scopes")).forEach((type, scope) -> scopes.put(type, RecordScope.valueOf(scope)));
        Map<String, Set<Action>> actions = new TreeMap<>();
        split((String) record.get("actions")).forEach((type, names) -> actions.put(type, actions(names)));
        return new RolePolicy(
                (String) record.get("role"),
                RecordScope.valueOf((String) record.get("scope")),
                scopes,
                fieldClasses((String) record.get("hidden")),
                fieldClasses((String) record.get("masked")),
                actions);
    }

    private static <V> String join(Map<String, V> map, java.util.function.Function<V, String> value) {
        return new TreeMap<>(map)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + value.apply(e.getValue()))
                        .collect(Collectors.joining(";"));
    }

    private static Map<String, String> split(String text) {
        Map<String, String> map = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }

    private static String classes(Set<FieldClass> classes) {
        return classes.stream().map(FieldClass::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<FieldClass> fieldClasses(String text) {
        Set<FieldClass> classes = EnumSet.noneOf(FieldClass.class);
        if (text != null && !text.isEmpty()) {
            Arrays.stream(text.split(",")).map(FieldClass::valueOf).forEach(classes::add);
        }
        return classes;
    }

    private static Set<Action> actions(String text) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (!text.isEmpty()) {
            Arrays.stream(text.split(",")).map(Action::valueOf).forEach(actions::add);
        }
        return actions;
    }
}
