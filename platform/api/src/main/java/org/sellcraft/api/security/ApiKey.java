package org.sellcraft.api.security;

import java.time.Instant;

/**
 * An API key of a machine client, as administrators see it: never the secret.
 *
 * @param id the key's id, also its visible prefix
 * @param name what it is for
 * @param userName the user whose roles and scope the key carries
 * @param createdAt when it was made
 * @param lastUsedAt when it was last used, or {@code null}
 * @param revoked whether it no longer works
 */
public record ApiKey(String id, String name, String userName, Instant createdAt, Instant lastUsedAt, boolean revoked) {}
