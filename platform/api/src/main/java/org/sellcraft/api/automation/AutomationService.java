package org.sellcraft.api.automation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.security.Caller;

/**
 * Keeps rules, evaluates them on their triggers, acts, and keeps the log of every evaluation. Each rule runs on
 * its own: one that fails is logged with its evaluation and does not stop the others.
 */
@ProviderType
public interface AutomationService {

    /**
     * Saves a new rule or a new version of an existing one.
     *
     * @return the rule as saved, with its version
     * @throws RuleSyntaxException naming the line and column when the condition does not parse or is not allowed
     * @throws IllegalArgumentException naming the problem when an action type is unknown or its parameters are bad
     * @throws org.sellcraft.api.security.AccessDeniedException when the caller may not change rules
     */
    Rule save(Caller caller, Rule rule);

    /** Returns the current version of every rule. */
    List<Rule> rules();

    /** Returns the current version of a rule. */
    Optional<Rule> rule(String id);

    /** Returns every saved version of a rule, oldest first. */
    List<Rule> versions(String id);

    /**
     * Evaluates the rules that hear a record event, as the event would.
     *
     * @return the evaluations it made
     */
    List<Evaluation> onRecordEvent(String recordType, String recordId, String action);

    /**
     * Runs the active rules of a schedule over one period and acts on what they find; the platform's scheduler
     * calls it when a period ends, administrators to catch up on a period.
     *
     * @param from the first day of the period
     * @param to the day after its last day
     * @throws org.sellcraft.api.security.AccessDeniedException when the caller is not an administrator
     */
    List<Evaluation> runSchedule(Caller caller, Trigger.Schedule schedule, LocalDate from, LocalDate to);

    /**
     * Shows what a rule would have done over past data, changing nothing: an event rule over the records whose
     * {@link Trigger#dateField()} falls in the window, a scheduled rule over each of its periods in the window.
     *
     * @param rule a saved rule or a draft
     * @param from the first day of the window
     * @param to the day after its last day
     * @return the evaluations whose condition held, or that failed
     */
    List<Evaluation> dryRun(Caller caller, Rule rule, LocalDate from, LocalDate to);

    /** Returns the newest evaluations of a rule, newest first. */
    List<Evaluation> evaluations(String ruleId, int limit);

    /** Returns the action types that handlers serve. */
    List<String> actionTypes();
}
