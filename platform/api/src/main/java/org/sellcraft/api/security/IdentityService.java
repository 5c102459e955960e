package org.sellcraft.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Users, passwords, sessions and API keys. */
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

    /**
     * Returns the caller an API key belongs to; the use is audited.
     *
     * @throws AuthenticationException when the key is unknown, revoked, or its user disabled
     */
    Caller authenticateKey(String secret, String remoteAddress);

    /** Ends the session of this token; an unknown token is ignored. */
    void logout(String token);

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException naming the problem when the name is taken, a role is unknown or the password
     *     is too short
     */
    UserAccount createUser(Caller createdBy, NewUser user);

    /**
     * Gives a user other roles; their sessions end, so the new roles apply from their next sign-in.
     *
     * @throws IllegalArgumentException when the user does not exist or a role is unknown
     */
    UserAccount changeRoles(Caller changedBy, String userName, java.util.Set<String> roles);

    /** Disables a user and revokes their sessions and keys. */
    UserAccount disableUser(Caller changedBy, String userName);

    /** Returns all users. */
    List<UserAccount> users();

    /**
     * Makes an API key that acts as the given user.
     *
     * @throws IllegalArgumentException when the user does not exist
     */
    IssuedKey createKey(Caller createdBy, String userName, String name);

    /** Replaces a key's secret: the old one stops working at once. */
    IssuedKey rotateKey(Caller changedBy, String keyId);

    /** Revokes a key for good. */
    ApiKey revokeKey(Caller changedBy, String keyId);

    /** Returns all keys, without their secrets. */
    List<ApiKey> keys();
}
