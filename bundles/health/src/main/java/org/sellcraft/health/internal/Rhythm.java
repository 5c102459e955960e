package org.sellcraft.health.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sellcraft.api.health.CustomerHistory;

/**
 * A customer's purchase rhythm: the days between consecutive purchase days. Several orders on one day are one
 * visit, so they add no interval of zero days.
 */
final class Rhythm {

    /** Intervals that the trend compares with the customer's usual rhythm. */
    static final int RECENT_INTERVALS = 3;
    /** Earlier intervals needed before the usual rhythm means anything. */
    static final int EARLIER_INTERVALS = 2;

    private Rhythm() {}

    /** Returns the intervals between the history's purchase days, oldest first. */
    static List<Integer> intervals(CustomerHistory history) {
        List<Integer> intervals = new ArrayList<>();
        LocalDate previous = null;
        for (CustomerHistory.Purchase purchase : history.purchases()) {
            if (previous != null && purchase.day().isAfter(previous)) {
                intervals.add((int) ChronoUnit.DAYS.between(previous, purchase.day()));
            }
            if (previous == null || purchase.day().isAfter(previous)) {
                previous = purchase.day();
            }
        }
        return intervals;
    }

    /**
     * Returns the usual interval: the median of those before the last three when there are enough of them,
     * otherwise the median of all; 0 without intervals.
     */
    static double usual(List<Integer> intervals) {
        if (intervals.size() >= RECENT_INTERVALS + EARLIER_INTERVALS) {
            return median(intervals.subList(0, intervals.size() - RECENT_INTERVALS));
        }
        return intervals.isEmpty() ? 0 : median(intervals);
    }

    static double median(List<Integer> values) {
        int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
