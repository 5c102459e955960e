package org.sellcraft.api.security;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** Users, passwords and sessions. */
@ProviderType
public interface IdentityService {

    /**
     * Signs a user in.
     *
     * @param userName the login name
     * @param password the password, compared against its stored hash
     * @param remoteAddress where the attempt came from, for throttling and audit
     * @return a new session
     * @throws AuthenticationException when the name or password is wrong, the user is disabled, or too many attempts
     *     failed recently
     */
    Session login(String userName, char[] password, String remoteAddress);

    /**
     * Returns the caller a bearer token belongs to.
     *
     * @throws AuthenticationException when the token is unknown, expired or revoked
     */
    Caller authenticate(String token);

    /** Ends the session of this token; an unknown token is ignored. */
    void logout(String token);

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException naming the problem when the name is taken, a role is unknown or the password
     *     is too short
     */
    UserAccount createUser(String userName, String displayName, char[] password, Set<String> roles, String partnerId);

    /** Disables a user and revokes their sessions. */
    UserAccount disableUser(String userName);

    /** Returns all users. */
    List<UserAccount> users();
}
