package org.sellcraft.automation.internal;

import java.time.Instant;
import java.util.Map;
import org.sellcraft.api.automation.ActionHandler;

/**
 * An action of the engine's own that needs to know which rule acts and why, not only the facts: a task or a
 * document names the rule that made it, a webhook sends the whole evaluation.
 */
interface EvaluationAction extends ActionHandler {

    /**
     * The evaluation an action is taken for.
     *
     * @param ruleId the rule
     * @param ruleVersion its version
     * @param at when it was evaluated
     * @param cause the event or schedule period that started it, or the dry run
     * @param subject what the facts are about
     * @param facts what the condition judged
     */
    record Context(
            String ruleId, int ruleVersion, Instant at, String cause, String subject, Map<String, Object> facts) {}

    /** Takes the action for an evaluation, or says what it would do; see {@link #perform(Map, Map, boolean)}. */
    String perform(Map<String, String> parameters, Context context, boolean dryRun);

    @Override
    default String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
        return perform(parameters, new Context(null, 0, Instant.now(), null, null, facts), dryRun);
    }
}
