package org.sellcraft.api.security;

/**
 * A newly made API key with its secret, which is shown this once and stored only as a hash.
 *
 * @param key the key as it will be listed
 * @param secret what the client sends in {@code X-API-Key}
 */
public record IssuedKey(ApiKey key, String secret) {}
