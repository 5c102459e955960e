package org.sellcraft.automation.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.AutomationEvents;

/**
 * Publishes an event under {@link AutomationEvents#PUBLISHED_PREFIX} for other bundles to act on. Parameters:
 * {@code topic} (appended to the prefix), every other parameter becomes a property of the event.
 */
@Component(service = ActionHandler.class)
public class PublishEventAction implements ActionHandler {

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    private final EventAdmin events;

    @Activate
    public PublishEventAction(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public String type() {
        return "publish-event";
    }

    @Override
    public void check(Map<String, String> parameters) {
        String topic = parameters.get("topic");
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException(
                    "publish-event needs a 'topic' of letters, digits, '-', '_' and '/'; got '" + topic + "'");
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
        String topic = AutomationEvents.PUBLISHED_PREFIX + parameters.get("topic");
        if (!dryRun) {
            Map<String, Object> properties = new HashMap<>(parameters);
            properties.remove("topic");
            events.postEvent(new Event(topic, properties));
        }
        return "publish " + topic + " " + parameters;
    }
}
