package org.sellcraft.api.security;

import java.util.Set;

/**
 * What it takes to create a user.
 *
 * @param userName the login name
 * @param displayName the name shown on pages, or {@code null} for the login name
 * @param password the password, at least 10 characters
 * @param roles the roles to hold
 * @param partnerId for partner users, their organisation
 * @param personId the rep or manager record this user is, for owner and team scopes
 * @param regionIds for partner users, the regions they work in
 */
public record NewUser(
        String userName,
        String displayName,
        char[] password,
        Set<String> roles,
        String partnerId,
        String personId,
        Set<String> regionIds) {}
