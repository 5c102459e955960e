package org.sellcraft.api.service;

/**
 * What one upsert batch did.
 *
 * @param inserted records that did not exist
 * @param updated records whose values changed
 * @param unchanged records that already held exactly these values
 */
public record UpsertResult(int inserted, int updated, int unchanged) {}
