package org.sellcraft.api.health;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures behind a score, as of its date. Money is the value of product lines (quantity times unit price).
 *
 * @param recencyDays days from the last purchase to the as-of date
 * @param frequency purchase orders within the window
 * @param monetary net spend within the window: purchased minus returned
 * @param purchased value purchased within the window
 * @param returned value returned within the window
 * @param returnRate returned divided by purchased within the window, or 0 without purchases
 * @param purchases purchase orders in all, up to the as-of date
 * @param firstPurchase the day of the first purchase
 * @param lastPurchase the day of the last purchase
 * @param intervals days between consecutive purchase days, oldest first (orders on the same day are one visit)
 * @param usualInterval the median interval before the last three, or of all intervals when there are fewer than
 *     five; 0 with no interval at all
 * @param recentCategories categories bought within the recent period
 * @param previousCategories categories bought within the same length of time before it
 * @param windowDays the window the figures cover
 * @param recentDays the recent period
 */
public record CustomerFigures(
        long recencyDays,
        int frequency,
        double monetary,
        double purchased,
        double returned,
        double returnRate,
        int purchases,
        LocalDate firstPurchase,
        LocalDate lastPurchase,
        List<Integer> intervals,
        double usualInterval,
        int recentCategories,
        int previousCategories,
        int windowDays,
        int recentDays) {

    public CustomerFigures {
        intervals = List.copyOf(intervals);
    }
}
