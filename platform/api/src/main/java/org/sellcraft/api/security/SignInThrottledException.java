package org.sellcraft.api.security;

/** Sign-in attempts for this user name or from this address are held for a while after too many failures. */
public class SignInThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the caller must wait before the next attempt is heard, in seconds. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
