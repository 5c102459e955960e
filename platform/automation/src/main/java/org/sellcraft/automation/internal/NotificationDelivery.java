package org.sellcraft.automation.internal;

import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link AutomationEvents#NOTIFY} events, whoever posts them (rules, the partner API gate), by keeping each
 * as a notification for its user or role.
 */
@Component(
        service = {EventHandler.class, NotificationDelivery.class},
        property = EventConstants.EVENT_TOPIC + "=" + AutomationEvents.NOTIFY)
public class NotificationDelivery implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final Notifications notifications;

    @Activate
    public NotificationDelivery(@Reference RecordService records) {
        this.notifications = new Notifications(records, Clock.systemUTC());
    }

    Notifications notifications() {
        return notifications;
    }

    @Override
    public void handleEvent(Event event) {
        String user = text(event, AutomationEvents.USER);
        String role = text(event, AutomationEvents.ROLE);
        try {
            notifications.deliver(
                    user,
                    role,
                    text(event, AutomationEvents.MESSAGE),
                    text(event, AutomationEvents.MESSAGE_ZH),
                    text(event, AutomationEvents.RULE),
                    text(event, AutomationEvents.SUBJECT));
        } catch (IllegalArgumentException e) {
            LOG.warn("A notification event on {} was dropped: {}", event.getTopic(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("A notification for user '{}' / role '{}' could not be kept", user, role, e);
        }
    }

    private static String text(Event event, String property) {
        Object value = event.getProperty(property);
        return value == null ? null : value.toString();
    }
}
