package org.sellcraft.api.health;

import java.util.List;
import java.util.Map;

/**
 * The health engine's configuration as it is in force.
 *
 * @param referenceDate what "today" is for scoring: empty for the date of the latest order in the data, {@code
 *     today} for the wall clock, or a fixed ISO date
 * @param zone the time zone in which order times become days
 * @param windowDays the window of frequency, spend, value at stake and return rate, in days
 * @param recentDays the recent period that trends compare with the customer's own past, in days
 * @param changeDays the period over which the change of a score is measured, in days
 * @param healthyFrom the lowest score that is healthy
 * @param watchFrom the lowest score that is watch; below it a customer is at risk
 * @param churnedAfterDays a customer without a purchase for longer than this is churned, whatever the score
 * @param weights the weight of each factor by name; a factor not named here uses its default weight, and a weight
 *     of 0 switches a factor off
 * @param nonProductCodes stock codes that are not products, left out of values and categories; a trailing
 *     {@code *} matches any ending
 */
public record HealthSettings(
        String referenceDate,
        String zone,
        int windowDays,
        int recentDays,
        int changeDays,
        int healthyFrom,
        int watchFrom,
        int churnedAfterDays,
        Map<String, Double> weights,
        List<String> nonProductCodes) {

    public HealthSettings {
        weights = Map.copyOf(weights);
        nonProductCodes = List.copyOf(nonProductCodes);
    }

    /** Returns the weight in force for a factor: the configured one, else the factor's own default. */
    public double weightOf(HealthFactor factor) {
        return weights.getOrDefault(factor.name(), factor.defaultWeight());
    }

    /** Returns the band of a score, given how many days have passed since the last purchase. */
    public HealthBand bandOf(int score, long daysSinceLastPurchase) {
        if (daysSinceLastPurchase > churnedAfterDays) {
            return HealthBand.CHURNED;
        }
        if (score >= healthyFrom) {
            return HealthBand.HEALTHY;
        }
        return score >= watchFrom ? HealthBand.WATCH : HealthBand.AT_RISK;
    }
}
