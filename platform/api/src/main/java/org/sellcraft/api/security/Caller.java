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
 * @param address the network address the request came from, which the audit log records as "from where";
 *     {@code null} for the platform's own jobs, the console and tools (since 1.3)
 */
public record Caller(
        String userId,
        String userName,
        Set<String> roles,
        String partnerId,
        String personId,
        Set<String> regionIds,
        String address) {

    private static final Caller SYSTEM = new Caller("system", "system", Set.of(Roles.ADMIN), null, null, Set.of());

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
    }

    /** A caller whose address is not known, such as one from the console or a tool. */
    public Caller(
            String userId,
            String userName,
            Set<String> roles,
            String partnerId,
            String personId,
            Set<String> regionIds) {
        this(userId, userName, roles, partnerId, personId, regionIds, null);
    }

    /** A staff caller with roles only, for tools and tests. */
    public Caller(String userId, String userName, Set<String> roles) {
        this(userId, userName, roles, null, null, Set.of());
    }

    /** The platform's own jobs (start-up tasks, recomputations). */
    public static Caller system() {
        return SYSTEM;
    }

    /**
     * Returns the same caller as seen from a network address, for a request that came through the REST API.
     *
     * @param address the client's address, as the server saw it
     * @return a copy of this caller with the address
     * @since 1.3
     */
    public Caller from(String address) {
        return new Caller(userId, userName, roles, partnerId, personId, regionIds, address);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this is the platform itself rather than a person or partner system. */
    public boolean isSystem() {
        return this == SYSTEM || "system".equals(userId);
    }
}
