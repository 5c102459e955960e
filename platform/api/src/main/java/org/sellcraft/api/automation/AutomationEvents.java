package org.sellcraft.api.automation;

/** Event Admin topics the automation engine publishes. */
public final class AutomationEvents {

    /** A rule asks that people in a role be told something; properties {@link #ROLE}, {@link #MESSAGE}. */
    public static final String NOTIFY = "org/sellcraft/automation/NOTIFY";

    /** Prefix of the topics rules publish with the {@code publish-event} action. */
    public static final String PUBLISHED_PREFIX = "org/sellcraft/automation/published/";

    /** Property: the role to tell. */
    public static final String ROLE = "role";
    /** Property: the message. */
    public static final String MESSAGE = "message";
    /** Property: the rule that acted. */
    public static final String RULE = "rule";
    /** Property: what the facts were about. */
    public static final String SUBJECT = "subject";

    private AutomationEvents() {}
}
