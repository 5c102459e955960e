package org.sellcraft.api.health;

/**
 * One factor's part in a score.
 *
 * @param name the factor's name
 * @param label the factor's name for people
 * @param applicable whether the factor counted for this customer
 * @param value the factor's headline figure, or NaN when it did not count
 * @param score the factor's finding from 0 to 1
 * @param weight the weight in force
 * @param points the points it added to the score; the points of all factors add up to the score
 * @param lost the points it cost: what it would add if the factor found the customer fully healthy
 * @param sentence the sentence a rep reads
 */
public record FactorScore(
        String name,
        Text label,
        boolean applicable,
        double value,
        double score,
        double weight,
        double points,
        double lost,
        Text sentence) {}
