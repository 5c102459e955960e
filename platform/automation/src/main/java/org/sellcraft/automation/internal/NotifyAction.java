package org.sellcraft.automation.internal;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.AutomationEvents;

/**
 * Tells a user or the people of a role something: publishes {@link AutomationEvents#NOTIFY}, which
 * {@link NotificationDelivery} keeps as a notification and other bridges may pass on. Parameters: {@code role} or
 * {@code user} (a user id), {@code message}, and {@code messageZh} for the Chinese text.
 */
@Component(service = ActionHandler.class)
public class NotifyAction implements EvaluationAction {

    private final EventAdmin events;

    @Activate
    public NotifyAction(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public String type() {
        return "notify";
    }

    @Override
    public void check(Map<String, String> parameters) {
        Recipients.check("notify", parameters, false);
        if (parameters.getOrDefault("message", "").isBlank()) {
            throw new IllegalArgumentException("notify needs a 'message'");
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Context context, boolean dryRun) {
        String role = Recipients.value(parameters, "role");
        String user = Recipients.value(parameters, "user");
        String message = Recipients.value(parameters, "message");
        if ((role == null && user == null) || message == null) {
            throw new IllegalArgumentException("the recipient or the message is empty for these facts");
        }
        String line = "notify " + (user != null ? "user " + user : role) + ": " + message;
        if (!dryRun) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(AutomationEvents.MESSAGE, message);
            put(properties, AutomationEvents.ROLE, role);
            put(properties, AutomationEvents.USER, user);
            put(properties, AutomationEvents.MESSAGE_ZH, Recipients.value(parameters, "messageZh"));
            put(properties, AutomationEvents.RULE, context.ruleId());
            put(properties, AutomationEvents.SUBJECT, context.subject());
            events.postEvent(new Event(AutomationEvents.NOTIFY, properties));
        }
        return line;
    }

    private static void put(Map<String, Object> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
