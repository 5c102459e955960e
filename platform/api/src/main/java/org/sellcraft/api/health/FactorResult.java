package org.sellcraft.api.health;

import java.util.Objects;

/**
 * What a factor found for one customer.
 *
 * @param applicable whether the factor has something to say about this customer; when it has not, its weight is
 *     shared among the other factors
 * @param score how healthy the factor finds the customer, from 0 (worst) to 1 (best)
 * @param value the factor's headline figure (days, a rate, an amount), for sorting and charts
 * @param sentence the sentence a rep reads, with the figures that led to the score
 */
public record FactorResult(boolean applicable, double score, double value, Text sentence) {

    public FactorResult {
        Objects.requireNonNull(sentence, "sentence");
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("A factor score lies between 0 and 1, not " + score);
        }
    }

    /** A finding: a score from 0 to 1, the headline figure and the sentence that explains it. */
    public static FactorResult of(double score, double value, Text sentence) {
        return new FactorResult(true, score, value, sentence);
    }

    /** The factor has nothing to say about this customer, for the reason given. */
    public static FactorResult notApplicable(Text reason) {
        return new FactorResult(false, 1, Double.NaN, reason);
    }

    /** Returns the value limited to the range from 0 to 1: a helper for factors that compute a ratio. */
    public static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
