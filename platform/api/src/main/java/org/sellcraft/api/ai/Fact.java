package org.sellcraft.api.ai;

import java.util.Objects;

/**
 * One fact an AI task gathered from Sellcraft, and how it was found.
 *
 * @param subject what the fact is about, for example the customer's code {@code 12347}, or {@code null}
 * @param key what the fact is, for example {@code interval.1}
 * @param value the value as text, for example {@code 56}
 * @param query the query that produced it, for people who check the run
 */
public record Fact(String subject, String key, String value, String query) {

    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(query, "query");
    }
}
