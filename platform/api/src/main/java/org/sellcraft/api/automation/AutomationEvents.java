package org.sellcraft.api.automation;

/** Event Admin topics the automation engine publishes. */
public final class AutomationEvents {

    /**
     * Someone is to be told something: properties {@link #ROLE} or {@link #USER} (or both), {@link #MESSAGE},
     * optionally {@link #MESSAGE_ZH}, {@link #RULE} and {@link #SUBJECT}. The automation engine keeps each as a
     * notification its recipients read and mark read.
     */
    public static final String NOTIFY = "org/sellcraft/automation/NOTIFY";

    /** Prefix of the topics rules publish with the {@code publish-event} action. */
    public static final String PUBLISHED_PREFIX = "org/sellcraft/automation/published/";

    /** Property: the role to tell. */
    public static final String ROLE = "role";
    /** Property: the id of the user to tell. */
    public static final String USER = "user";
    /** Property: the message, in English. */
    public static final String MESSAGE = "message";
    /** Property: the message in Chinese. */
    public static final String MESSAGE_ZH = "messageZh";
    /** Property: the rule that acted. */
    public static final String RULE = "rule";
    /** Property: what the facts were about. */
    public static final String SUBJECT = "subject";

    private AutomationEvents() {}
}
