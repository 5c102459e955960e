package org.sellcraft.automation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * The only functions conditions may call, under the namespace {@code time}: {@code time:hours(promisedAt,
 * deliveredAt)}. They take the date and time values records hold and give {@code null} when either is missing, so
 * a condition can test for absence instead of failing.
 */
public final class TimeFunctions {

    private TimeFunctions() {}

    /** Hours from {@code from} to {@code to}, with fractions; negative when {@code to} is earlier. */
    public static Double hours(Object from, Object to) {
        Instant start = instant(from);
        Instant end = instant(to);
        if (start == null || end == null) {
            return null;
        }
        return Duration.between(start, end).toMillis() / 3_600_000.0;
    }

    /** Days from {@code from} to {@code to}, with fractions. */
    public static Double days(Object from, Object to) {
        Double hours = hours(from, to);
        return hours == null ? null : hours / 24.0;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof Temporal temporal) {
            return Instant.from(temporal);
        }
        if (value == null) {
            return null;
        }
        throw new IllegalArgumentException("'" + value + "' is not a date or time");
    }
}
