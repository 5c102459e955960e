package org.sellcraft.api.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a rule, kept so that anyone can see why something happened.
 *
 * @param ruleId the rule
 * @param ruleVersion the version that was evaluated
 * @param at when
 * @param cause what started it: an event topic with the record, a schedule with its period, or a dry run
 * @param subject the record or subject the facts are about, for example {@code delivery/1b2c...} or a partner id
 * @param facts the inputs the condition saw
 * @param matched whether the condition held; {@code false} also when it failed
 * @param actions what was done, one line per action, or what would have been done in a dry run
 * @param error why the evaluation failed, or {@code null}
 * @param dryRun whether this was a dry run that changed nothing
 */
public record Evaluation(
        String ruleId,
        int ruleVersion,
        Instant at,
        String cause,
        String subject,
        Map<String, Object> facts,
        boolean matched,
        List<String> actions,
        String error,
        boolean dryRun) {

    public Evaluation {
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
