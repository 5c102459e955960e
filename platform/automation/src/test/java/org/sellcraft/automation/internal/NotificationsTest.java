package org.sellcraft.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sellcraft.api.record.FieldDef.field;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/** Notifications posted by rules and by other bundles, kept per recipient, listed and marked read by their reader. */
class NotificationsTest {

    private static final RecordType TICKET = new RecordType(
            "ticket",
            "tickets",
            "Ticket",
            "工单",
            List.of(field("code", FieldKind.TEXT).required().build()),
            List.of("code"));
    private static final Caller ANNA = new Caller("u-anna", "anna", Set.of(Roles.MANAGER));
    private static final Caller BEN = new Caller("u-ben", "ben", Set.of(Roles.MANAGER));
    private static final Caller CARL = new Caller("u-carl", "carl", Set.of(Roles.REP));

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private AutomationServiceImpl automation;
    private NotificationDelivery delivery;
    private Notifications notifications;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder.resolve("store"));
        List<RecordType> all = new ArrayList<>(AutomationServiceImpl.recordTypes());
        all.add(TICKET);
        CoreRecordTypes types = new CoreRecordTypes(all);
        records = new RecordServiceImpl(store, types);
        automation = new AutomationServiceImpl(records, types, Clock.systemUTC());
        delivery = new NotificationDelivery(records);
        notifications = delivery.notifications();
        automation.addAction(new NotifyAction(new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                delivery.handleEvent(event);
            }

            @Override
            public void sendEvent(Event event) {
                delivery.handleEvent(event);
            }
        }));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static List<String> texts(List<Notifications.Shown> shown) {
        return shown.stream().map(Notifications.Shown::textEn).toList();
    }

    @Test
    void aRulesNotificationIsKeptInBothLanguagesWithTheRuleAndSubjectForEveryoneInTheRole() {
        automation.save(
                Caller.system(),
                Rule.draft(
                        "new-ticket",
                        "New ticket",
                        null,
                        Trigger.onRecord("ticket", "CREATED", null),
                        "true",
                        List.of(new RuleAction(
                                "notify",
                                Map.of("role", "manager", "message", "Ticket {code}", "messageZh", "工单 {code}")))));
        Record ticket = records.create(Caller.system(), "ticket", Map.of("code", "T-1"));
        automation.onRecordEvent("ticket", ticket.id(), "CREATED");

        List<Notifications.Shown> anna = notifications.mine(ANNA, false, 10);
        assertEquals(1, anna.size());
        assertEquals("Ticket T-1", anna.get(0).textEn());
        assertEquals("工单 T-1", anna.get(0).textZh());
        assertEquals("new-ticket", anna.get(0).ruleId());
        assertEquals("ticket/" + ticket.id(), anna.get(0).subject());
        assertEquals(1, notifications.mine(BEN, false, 10).size());
        assertEquals(0, notifications.mine(CARL, false, 10).size());
    }

    @Test
    void aUserSeesTheirOwnAndTheirRolesNotificationsAndMarksThemReadForThemselvesOnly() {
        delivery.handleEvent(new Event(
                AutomationEvents.NOTIFY,
                Map.of(AutomationEvents.USER, "u-anna", AutomationEvents.MESSAGE, "For Anna")));
        delivery.handleEvent(new Event(
                AutomationEvents.NOTIFY,
                Map.of(AutomationEvents.USER, "u-carl", AutomationEvents.MESSAGE, "For Carl")));
        delivery.handleEvent(new Event(
                AutomationEvents.NOTIFY,
                Map.of(AutomationEvents.ROLE, Roles.MANAGER, AutomationEvents.MESSAGE, "For managers")));
        delivery.handleEvent(new Event(AutomationEvents.NOTIFY, Map.of(AutomationEvents.MESSAGE, "For nobody")));

        assertEquals(3, records.count(Caller.system(), Notifications.TYPE));
        assertEquals(Set.of("For Anna", "For managers"), Set.copyOf(texts(notifications.mine(ANNA, false, 10))));
        assertEquals(List.of("For managers"), texts(notifications.mine(BEN, false, 10)));
        assertEquals(List.of("For Carl"), texts(notifications.mine(CARL, false, 10)));

        String forManagers = notifications.mine(BEN, false, 10).get(0).id();
        NotificationResource resource = new NotificationResource(notifications);
        assertEquals(2, resource.mine(false, 50, TestSecurity.as(ANNA)).get("unread"));
        assertEquals(true, resource.read(forManagers, TestSecurity.as(ANNA)).get("read"));
        assertEquals(1, resource.mine(false, 50, TestSecurity.as(ANNA)).get("unread"));

        assertEquals(List.of("For Anna"), texts(notifications.mine(ANNA, true, 10)));
        assertEquals(List.of("For managers"), texts(notifications.mine(BEN, true, 10)));
        RecordNotFoundException notCarls =
                assertThrows(RecordNotFoundException.class, () -> notifications.markRead(CARL, forManagers));
        assertEquals(new RecordNotFoundException(Notifications.TYPE, forManagers).getMessage(), notCarls.getMessage());
        assertEquals(1, notifications.mine(BEN, true, 10).size());
    }
}
