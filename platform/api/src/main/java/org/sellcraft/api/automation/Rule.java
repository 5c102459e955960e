package org.sellcraft.api.automation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule: when its trigger fires and its condition holds for the facts at hand, its actions are taken.
 *
 * @param id the stable id; every saved change keeps the id and adds a version
 * @param version 1 for the first saved version; the service assigns it
 * @param name a short name shown to people
 * @param description what the rule is for, in words
 * @param trigger when it is evaluated
 * @param condition a boolean expression over the facts, in the sandboxed expression language (JEXL syntax without
 *     class access, methods, loops or assignments), for example {@code surveys >= 5 && satisfaction < 0.85}
 * @param actions what it does when the condition holds, in order
 * @param active whether it runs; an inactive rule can still be tried in a dry run
 * @param savedBy who saved this version
 * @param savedAt when
 */
public record Rule(
        String id,
        int version,
        String name,
        String description,
        Trigger trigger,
        String condition,
        List<RuleAction> actions,
        boolean active,
        String savedBy,
        Instant savedAt) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(condition, "condition");
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A new, unsaved rule. */
    public static Rule draft(
            String id, String name, String description, Trigger trigger, String condition, List<RuleAction> actions) {
        return new Rule(id, 0, name, description, trigger, condition, actions, true, null, null);
    }

    /** Returns a copy that is switched on or off. */
    public Rule withActive(boolean on) {
        return new Rule(id, version, name, description, trigger, condition, actions, on, savedBy, savedAt);
    }
}
