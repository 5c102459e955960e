package org.sellcraft.ecosystem.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.event.Event;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.UserAccount;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * Who is told when a partner system is cut off the API: the partner's owner (every enabled user who is the rep in
 * the partner's {@code ownerId}) and the administrators.
 */
final class GateAlert {

    private final RecordService records;
    private final Supplier<List<UserAccount>> users;

    GateAlert(RecordService records, Supplier<List<UserAccount>> users) {
        this.records = records;
        this.users = users;
    }

    /** The notification events for one cut-off, the owner's first. */
    List<Event> events(String partnerId, String reason) {
        String name = partnerId;
        Object owner = null;
        try {
            var partner = records.get(Caller.system(), EcosystemTypes.PARTNER, partnerId);
            name = partner.get("name") == null ? partnerId : partner.get("name") + " (" + partnerId + ")";
            owner = partner.get("ownerId");
        } catch (RecordNotFoundException e) {
            // A key may name a partner whose record is gone; the administrators are still told.
        }
        String en = "Partner " + name + " is cut off the API: " + reason;
        String zh = "合作伙伴 " + name + " 的 API 访问已被暂停：" + reason;
        List<Event> events = new ArrayList<>();
        if (owner != null) {
            for (UserAccount user : users.get()) {
                if (user.enabled() && owner.equals(user.personId())) {
                    events.add(event(AutomationEvents.USER, user.id(), partnerId, en, zh));
                }
            }
        }
        events.add(event(AutomationEvents.ROLE, Roles.ADMIN, partnerId, en, zh));
        return events;
    }

    private static Event event(String recipientKind, String recipient, String partnerId, String en, String zh) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(recipientKind, recipient);
        properties.put(AutomationEvents.SUBJECT, partnerId);
        properties.put(AutomationEvents.MESSAGE, en);
        properties.put(AutomationEvents.MESSAGE_ZH, zh);
        return new Event(AutomationEvents.NOTIFY, properties);
    }
}
