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
 * @param personId the id of the rep or manager record this user is, which decides what "their own" and "their
 *     team's" records are; {@code null} for users who are neither
 * @param regionIds for partner users, the regions they work in (an empty set means no region limit)
 */
public record Caller(
        String userId, String userName, Set<String> roles, String partnerId, String personId, Set<String> regionIds) {

    private static final Caller SYSTEM = new Caller("system", "system", Set.of(Roles.ADMIN), null, null, Set.of());

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
    }

    /** A staff caller with roles only, for tools and tests. */
    public Caller(String userId, String userName, Set<String> roles) {
        this(userId, userName, roles, null, null, Set.of());
    }

    /** The platform's own jobs (start-up tasks, recomputations). */
    public static Caller system() {
        return SYSTEM;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this is the platform itself rather than a person or partner system. */
    public boolean isSystem() {
        return this == SYSTEM || "system".equals(userId);
    }
}
