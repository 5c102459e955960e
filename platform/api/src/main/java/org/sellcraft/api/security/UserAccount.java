package org.sellcraft.api.security;

import java.time.Instant;
import java.util.Set;

/**
 * A user as administrators see it; never carries a password or its hash.
 *
 * @param id the user's id
 * @param userName the login name
 * @param displayName the name shown on pages
 * @param roles the roles held
 * @param partnerId for partner users, their organisation; otherwise {@code null}
 * @param personId the rep or manager record this user is, or {@code null}
 * @param regionIds for partner users, the regions they work in
 * @param enabled whether the user may sign in
 * @param createdAt when the user was created
 */
public record UserAccount(
        String id,
        String userName,
        String displayName,
        Set<String> roles,
        String partnerId,
        String personId,
        Set<String> regionIds,
        boolean enabled,
        Instant createdAt) {}
