package org.sellcraft.automation.internal;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.security.Roles;

/**
 * Tells the people of a role something: publishes {@link AutomationEvents#NOTIFY}, which the console and mail
 * bridges deliver. Parameters: {@code role}, {@code message}.
 */
@Component(service = ActionHandler.class)
public class NotifyAction implements ActionHandler {

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
        String role = parameters.get("role");
        if (role == null || !Roles.ALL.contains(role)) {
            throw new IllegalArgumentException("notify needs a 'role', one of " + Roles.ALL + "; got '" + role + "'");
        }
        if (parameters.getOrDefault("message", "").isBlank()) {
            throw new IllegalArgumentException("notify needs a 'message'");
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
        String line = "notify " + parameters.get("role") + ": " + parameters.get("message");
        if (!dryRun) {
            events.postEvent(new Event(
                    AutomationEvents.NOTIFY,
                    Map.of(
                            AutomationEvents.ROLE, parameters.get("role"),
                            AutomationEvents.MESSAGE, parameters.get("message"))));
        }
        return line;
    }
}
