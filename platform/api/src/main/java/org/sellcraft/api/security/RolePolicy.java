package org.sellcraft.api.security;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sellcraft.api.record.FieldClass;

/**
 * What one role may see and do. The whole policy is one of these per role; administrators read and change it as
 * data, and the record service enforces it for every endpoint, export, import and module.
 *
 * @param role the role's name, see {@link Roles}
 * @param scope which records of each type the role sees, unless {@code scopes} names the type
 * @param scopes per record type, a scope other than the default one
 * @param hiddenFields field classes removed from every record the role reads
 * @param maskedFields field classes shown masked (for example {@code j***@example.com})
 * @param actions per record type, the actions the role may take; the type {@code *} stands for every type
 */
public record RolePolicy(
        String role,
        RecordScope scope,
        Map<String, RecordScope> scopes,
        Set<FieldClass> hiddenFields,
        Set<FieldClass> maskedFields,
        Map<String, Set<Action>> actions) {

    /** The stand-in for every record type in {@link #actions()}. */
    public static final String ANY_TYPE = "*";

    public RolePolicy {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        hiddenFields = hiddenFields == null ? Set.of() : Set.copyOf(hiddenFields);
        maskedFields = maskedFields == null ? Set.of() : Set.copyOf(maskedFields);
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }

    /** Returns the scope of the role on a record type. */
    public RecordScope scopeOf(String type) {
        return scopes.getOrDefault(type, scope);
    }

    /** Returns whether the role may take the action on records of the type. */
    public boolean allows(String type, Action action) {
        Set<Action> forType = actions.get(type);
        if (forType != null) {
            return forType.contains(action);
        }
        Set<Action> forAny = actions.get(ANY_TYPE);
        return forAny != null && forAny.contains(action);
    }
}
