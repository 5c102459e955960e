package org.sellcraft.api.health;

import java.time.LocalDate;

/**
 * A customer's score on one day.
 *
 * @param day the as-of day
 * @param score the score
 * @param band the band
 */
public record HealthPoint(LocalDate day, int score, HealthBand band) {}
