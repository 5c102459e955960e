package org.sellcraft.api.health;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.service.Page;

/**
 * Customer health, kept up to date as orders change. Scores are held in memory and answered without touching the
 * store; a changed order updates only its customer.
 */
@ProviderType
public interface HealthService {

    /** The segment attributes customers can be grouped and filtered by. */
    List<String> DIMENSIONS = List.of("region", "owner", "channel", "segment", "country");

    /**
     * Whether the engine has built its state since it started. Until then every customer is unknown; building
     * takes a few seconds for a year of orders.
     */
    boolean ready();

    /**
     * Returns a customer's current score with its explanation.
     *
     * @param customer the account id, or the account's code (for example the customer number {@code 17850})
     * @return the score, or empty when the customer is unknown or has no purchase yet
     */
    Optional<HealthScore> score(String customer);

    /**
     * Returns how a customer's score developed.
     *
     * @param customer the account id or code
     * @return the history, or empty when the customer has no score
     */
    Optional<HealthHistory> history(String customer);

    /** Returns one page of scored customers that match the query. */
    Page<HealthScore> list(HealthQuery query);

    /**
     * Returns the distribution of scores per value of a dimension, the largest segments first.
     *
     * @param dimension one of {@link #DIMENSIONS}
     * @throws IllegalArgumentException naming the dimensions when it is unknown
     */
    List<SegmentSummary> segments(String dimension);

    /**
     * Returns the alerts raised, newest first.
     *
     * @param openOnly whether to leave out customers who have recovered
     */
    List<HealthAlert> alerts(boolean openOnly);

    /**
     * Returns the last alert raised for a customer.
     *
     * @param customer the account id or code
     * @return the alert, or empty when none was raised
     */
    Optional<HealthAlert> alert(String customer);

    /**
     * Notes that a person opened a customer's health. The first look after an alert is recorded with its time and
     * the person's name, so that the response time to alerts can be measured; later looks change nothing.
     *
     * @param customer the account id or code
     * @param userName who looked
     * @return the customer's alert, if one was raised
     */
    Optional<HealthAlert> recordView(String customer, String userName);

    /**
     * Asks for a customer to be rescored soon, for a factor whose own data changed. Returns at once.
     *
     * @param accountId the customer's account id
     */
    void rescore(String accountId);

    /**
     * Scores every customer again, for a changed configuration or factor set, and waits until it is done.
     *
     * @param rebuild whether to read every order from the store again first, instead of the state held in memory
     */
    Recomputation recompute(boolean rebuild);

    /** Returns how the engine is doing: customers held, how fast live updates are, the last full recomputation. */
    EngineStats stats();

    /** Returns the configuration in force. */
    HealthSettings settings();

    /** Returns the factors in use, the engine's own and those contributed, with the weight each has now. */
    List<FactorInfo> factors();

    /**
     * What a full recomputation did.
     *
     * @param customers customers scored
     * @param orders orders read from the store, or 0 when the state in memory was used
     * @param millis how long it took
     */
    record Recomputation(int customers, int orders, double millis) {}

    /**
     * The engine's own measurements.
     *
     * @param customers customers with a score
     * @param orderUpdates order changes folded in live since the engine started
     * @param updateMedianMicros the median time of one of the latest order changes, in microseconds
     * @param updateP99Micros the 99th percentile of the same, in microseconds
     * @param lastRecomputation the latest full recomputation, or {@code null} before the first one ended
     */
    record EngineStats(
            int customers,
            long orderUpdates,
            double updateMedianMicros,
            double updateP99Micros,
            Recomputation lastRecomputation) {}

    /**
     * A factor in use.
     *
     * @param name its name
     * @param label its name for people
     * @param weight the weight in force
     * @param builtIn whether the engine itself provides it
     */
    record FactorInfo(String name, Text label, double weight, boolean builtIn) {}
}
