package org.sellcraft.api.security;

import java.time.Instant;

/**
 * A signed-in session.
 *
 * @param token the bearer token the client sends; shown once, stored only as a hash
 * @param caller who signed in
 * @param expiresAt when the token stops working
 */
public record Session(String token, Caller caller, Instant expiresAt) {}
