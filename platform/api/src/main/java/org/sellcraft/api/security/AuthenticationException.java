package org.sellcraft.api.security;

/** Credentials or a token were missing, wrong, expired or revoked. The message never contains the secret. */
public class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
