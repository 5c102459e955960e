package org.sellcraft.ai.internal;

import java.time.Instant;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.sellcraft.api.health.HealthEvents;

/**
 * Turns each customer health alert into a prompt for the customer's owner to run a task on that customer, so that
 * runs prompted by the system and the time from an alert to the first action on it can be counted.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + HealthEvents.ALERT)
public class AlertPrompts implements EventHandler {

    private final Supplier<AiTasks> tasks;

    @Activate
    public AlertPrompts(@Reference AiService ai) {
        this(ai::tasks);
    }

    AlertPrompts(Supplier<AiTasks> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void handleEvent(Event event) {
        Object accountId = event.getProperty(HealthEvents.ACCOUNT_ID);
        Object raisedAt = event.getProperty(HealthEvents.RAISED_AT);
        if (accountId == null || !(raisedAt instanceof Long millis)) {
            return;
        }
        tasks.get()
                .prompt(
                        accountId.toString(),
                        Instant.ofEpochMilli(millis),
                        String.valueOf(event.getProperty(HealthEvents.BAND)),
                        String.valueOf(event.getProperty(HealthEvents.REASON_EN)),
                        String.valueOf(event.getProperty(HealthEvents.REASON_ZH)));
    }
}
