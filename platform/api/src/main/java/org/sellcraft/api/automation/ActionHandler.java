package org.sellcraft.api.automation;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Performs one kind of rule action, such as freezing a partner or holding a payment. Bundles contribute handlers
 * as OSGi services; a rule naming a type no handler serves is refused at save time.
 */
@ConsumerType
public interface ActionHandler {

    /** The action type rules name, for example {@code freeze-partner}. */
    String type();

    /**
     * Refuses parameters the action cannot work with, before a rule using it is saved.
     *
     * @throws IllegalArgumentException naming the parameter and the problem
     */
    default void check(Map<String, String> parameters) {}

    /**
     * Takes the action, or describes it without taking it.
     *
     * @param parameters the rule's parameters with their placeholders filled from the facts
     * @param facts what the condition judged
     * @param dryRun when {@code true}, change nothing and only say what would be done
     * @return one line saying what was done (or would be), for the evaluation log
     * @throws RuntimeException when the action fails; the failure is logged with the evaluation and other rules go on
     */
    String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun);
}
