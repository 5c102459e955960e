package org.sellcraft.api.health;

import java.util.List;
import java.util.Map;

/**
 * The distribution of scores in one segment.
 *
 * @param dimension what the customers are grouped by: {@code region}, {@code owner}, {@code channel},
 *     {@code segment} or {@code country}
 * @param value the segment's value, or {@code (none)} for customers without one
 * @param customers how many scored customers it has
 * @param meanScore their mean score
 * @param medianScore their median score
 * @param bands how many are in each band, by band id
 * @param histogram how many scored 0-9, 10-19, ... 90-100
 * @param valueAtStake the value at stake of its customers who are at risk or churned
 */
public record SegmentSummary(
        String dimension,
        String value,
        int customers,
        double meanScore,
        double medianScore,
        Map<String, Integer> bands,
        List<Integer> histogram,
        double valueAtStake) {

    public SegmentSummary {
        bands = Map.copyOf(bands);
        histogram = List.copyOf(histogram);
    }
}
