package org.sellcraft.api.security;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param at when it happened
 * @param actor the user name, or {@code system}
 * @param action what happened, for example {@code login}, {@code login-failed}, {@code record-updated},
 *     {@code sensitive-read}, {@code key-used}, {@code permission-changed}
 * @param target what it happened to, for example {@code opportunity/1b2c...} or a user name
 * @param detail more about it, never a secret
 * @param from the client address, when known
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail, String from) {}
