package org.sellcraft.api.health;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When and under which settings a factor is evaluated. Windows end on the as-of date and include it: "the last
 * 90 days" are the days after {@code asOf - 90} up to {@code asOf}.
 *
 * @param asOf the day the score is for
 * @param settings the configuration in force
 */
public record HealthContext(LocalDate asOf, HealthSettings settings) {

    public HealthContext {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(settings, "settings");
    }

    /** Whether a day falls within the last {@code days} days up to the as-of date. */
    public boolean withinLast(int days, LocalDate day) {
        return day.isAfter(asOf.minusDays(days)) && !day.isAfter(asOf);
    }

    /** Whether a day falls within the window of frequency and spend. */
    public boolean inWindow(LocalDate day) {
        return withinLast(settings.windowDays(), day);
    }

    /** Whether a day falls within the recent period. */
    public boolean inRecent(LocalDate day) {
        return withinLast(settings.recentDays(), day);
    }
}
