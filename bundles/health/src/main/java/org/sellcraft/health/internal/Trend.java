package org.sellcraft.health.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.HealthContext;

/**
 * The recent period against the customer's own past: a figure summed over the recent period, and the same figure
 * over the rest of the window (from the customer's first purchase at the earliest), scaled to the recent period's
 * length. A customer whose past within the window is shorter than the recent period has no trend yet.
 *
 * @param recent the figure over the recent period
 * @param expected the figure the customer's past leads to expect over a period of that length
 * @param pastDays how many days of past the expectation rests on; 0 when there is no trend yet
 */
record Trend(double recent, double expected, long pastDays) {

    boolean known() {
        return pastDays > 0;
    }

    static <T> Trend of(
            CustomerHistory history,
            HealthContext context,
            List<T> items,
            Function<T, LocalDate> dayOf,
            ToDoubleFunction<T> valueOf) {
        int recentDays = context.settings().recentDays();
        LocalDate recentStart = context.asOf().minusDays(recentDays);
        LocalDate windowStart = context.asOf().minusDays(context.settings().windowDays());
        LocalDate beforeFirst = history.purchases().get(0).day().minusDays(1);
        LocalDate pastStart = beforeFirst.isAfter(windowStart) ? beforeFirst : windowStart;
        long pastDays = ChronoUnit.DAYS.between(pastStart, recentStart);
        if (pastDays < recentDays) {
            return new Trend(0, 0, 0);
        }

        double recent = 0;
        double past = 0;
        for (T item : items) {
            LocalDate day = dayOf.apply(item);
            if (day.isAfter(recentStart) && !day.isAfter(context.asOf())) {
                recent += valueOf.applyAsDouble(item);
            } else if (day.isAfter(pastStart) && !day.isAfter(recentStart)) {
                past += valueOf.applyAsDouble(item);
            }
        }
        return new Trend(recent, past * recentDays / pastDays, pastDays);
    }
}
