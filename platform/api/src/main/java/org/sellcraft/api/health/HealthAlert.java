package org.sellcraft.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A customer who crossed into a band that needs action, and whether someone has looked.
 *
 * @param accountId the customer's account id
 * @param accountCode the account's code, or {@code null}
 * @param raisedAt when the engine noticed the crossing
 * @param score the score then
 * @param band the band entered: at risk or churned
 * @param previousBand the band before
 * @param valueAtStake the value at stake then
 * @param reason the main reason then
 * @param firstSeenAt when a person first opened the customer's health after the alert, or {@code null}
 * @param firstSeenBy who that was, or {@code null}
 * @param open whether the customer is still in a band that needs action
 */
public record HealthAlert(
        String accountId,
        String accountCode,
        Instant raisedAt,
        int score,
        HealthBand band,
        HealthBand previousBand,
        double valueAtStake,
        Text reason,
        Instant firstSeenAt,
        String firstSeenBy,
        boolean open) {

    /** How long it took until someone looked, if someone has. */
    public Optional<Duration> responseTime() {
        return firstSeenAt == null ? Optional.empty() : Optional.of(Duration.between(raisedAt, firstSeenAt));
    }
}
