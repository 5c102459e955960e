package org.sellcraft.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking: a signed-in person, a partner system with an API key, or the platform itself. Every call into the
 * record service names its caller, so that access rules apply below the REST layer.
 *
 * @param userId the user's id, or {@code system} for the platform's own jobs
 * @param userName the login name
 * @param roles the roles the user holds, see {@link Roles}
 * @param partnerId for partner users, the partner organisation they belong to; otherwise {@code null}
 */
public record Caller(String userId, String userName, Set<String> roles, String partnerId) {

    private static final Caller SYSTEM = new Caller("system", "system", Set.of(Roles.ADMIN), null);

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    /** The platform's own jobs (start-up tasks, recomputations). */
    public static Caller system() {
        return SYSTEM;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
