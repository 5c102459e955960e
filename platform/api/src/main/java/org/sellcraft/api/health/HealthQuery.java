package org.sellcraft.api.health;

import java.util.Map;

/**
 * Which scored customers to list, and in which order.
 *
 * @param band only this band, or {@code null} for all
 * @param minScore the lowest score to include
 * @param maxScore the highest score to include
 * @param dimensions segment attributes that must match exactly, for example {@code region=North}
 * @param sort the order
 * @param descending whether the largest values come first
 * @param offset how many to skip
 * @param limit how many to return at most
 */
public record HealthQuery(
        HealthBand band,
        int minScore,
        int maxScore,
        Map<String, String> dimensions,
        Sort sort,
        boolean descending,
        int offset,
        int limit) {

    public HealthQuery {
        dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
        sort = sort == null ? Sort.SCORE : sort;
    }

    /** All customers, lowest score first, first page. */
    public static HealthQuery all(int limit) {
        return new HealthQuery(null, 0, 100, Map.of(), Sort.SCORE, false, 0, limit);
    }

    /** What a list can be sorted by. */
    public enum Sort {
        SCORE,
        /** The change over the change period; ascending puts the steepest drops first. */
        CHANGE,
        VALUE_AT_STAKE,
        RECENCY
    }
}
