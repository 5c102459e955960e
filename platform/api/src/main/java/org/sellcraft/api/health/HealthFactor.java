package org.sellcraft.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One ingredient of the health score. The engine's own factors (recency, purchase rhythm, frequency, spend,
 * returns, basket breadth, visits and calls) implement it, and any bundle can contribute another by registering a
 * service of this interface; the engine picks it up at once and rescores every customer. The weight comes from the
 * engine's configuration ({@code weights}), else from {@link #defaultWeight()}.
 *
 * <p>Evaluation runs for every rescoring of a customer: it must be fast (well under a millisecond) and must not call
 * back into the engine. A full recomputation evaluates several customers at once on different threads, so a factor
 * must be safe to call concurrently: read its own state from concurrent or immutable structures. A factor whose own
 * data changes for a customer (an opportunity, a ticket) asks for a rescoring by posting
 * {@link HealthEvents#RESCORE}.
 */
@ConsumerType
public interface HealthFactor {

    /** The factor's stable name, used in configuration and in JSON, for example {@code pipeline}. */
    String name();

    /** The name shown to people. */
    Text label();

    /** The weight used when the configuration names none, on the same scale as the others (they total about 100). */
    double defaultWeight();

    /**
     * Evaluates the factor for one customer.
     *
     * @param history the customer's purchases, returns and contacts up to the as-of date
     * @param context the as-of date and the settings in force
     * @return the finding, or {@link FactorResult#notApplicable} when the factor has nothing to say
     */
    FactorResult evaluate(CustomerHistory history, HealthContext context);
}
