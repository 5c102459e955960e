package org.sellcraft.api.health;

import java.util.List;

/**
 * How a customer's health developed.
 *
 * @param trajectory the score at the end of each change period over the last year, oldest first, computed from
 *     the customer's history with today's settings
 * @param recorded the scores the engine recorded when they changed noticeably (a new band, or five points or more),
 *     oldest first; kept across restarts
 */
public record HealthHistory(List<HealthPoint> trajectory, List<HealthPoint> recorded) {

    public HealthHistory {
        trajectory = List.copyOf(trajectory);
        recorded = List.copyOf(recorded);
    }
}
