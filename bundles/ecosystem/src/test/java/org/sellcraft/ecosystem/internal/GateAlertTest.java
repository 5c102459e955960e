package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.UserAccount;
import org.sellcraft.automation.internal.NotificationDelivery;
import org.sellcraft.automation.internal.NotificationResource;

/** A partner system cut off the API: its owner and the administrators are told, and find it in their notifications. */
class GateAlertTest {

    private static final String REASON = "burst of 201 requests within a minute against a usual 20";

    private EcosystemStore eco;
    private String partnerId;

    @BeforeEach
    void makePartner() throws Exception {
        eco = EcosystemStore.empty();
        eco.existing("rep", "rep-7", Map.of("code", "R-7", "name", "Rosa Seven"));
        partnerId = eco.records
                .create(
                        Caller.system(),
                        EcosystemTypes.PARTNER,
                        Map.of("code", "D-1", "name", "Delta Dealers", "partnerType", "dealer", "ownerId", "rep-7"))
                .id();
    }

    @AfterEach
    void removeStore() {
        eco.delete();
    }

    private static UserAccount user(String id, String personId, boolean enabled, String role) {
        return new UserAccount(id, id, id, Set.of(role), null, personId, Set.of(), enabled, Instant.EPOCH);
    }

    private static Caller caller(UserAccount user) {
        return new Caller(user.id(), user.userName(), user.roles(), null, user.personId(), Set.of());
    }

    private static SecurityContext as(Caller caller) {
        record Holder(Caller caller) implements Principal, CallerHolder {
            @Override
            public String getName() {
                return caller.userName();
            }
        }
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return new Holder(caller);
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.hasRole(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }

    @Test
    void theOwnerOfThePartnerAndTheAdministratorsAreToldAndFindItInTheirNotifications() {
        UserAccount owner = user("u-owner", "rep-7", true, Roles.REP);
        UserAccount formerOwner = user("u-former", "rep-7", false, Roles.REP);
        UserAccount otherRep = user("u-other", "rep-8", true, Roles.REP);
        UserAccount admin = user("u-admin", null, true, Roles.ADMIN);
        GateAlert alert = new GateAlert(eco.records, () -> List.of(owner, formerOwner, otherRep, admin));

        List<Event> events = alert.events(partnerId, REASON);

        assertEquals(2, events.size());
        assertEquals("u-owner", events.get(0).getProperty(AutomationEvents.USER));
        assertEquals(Roles.ADMIN, events.get(1).getProperty(AutomationEvents.ROLE));
        String text = "Partner Delta Dealers (" + partnerId + ") is cut off the API: " + REASON;
        assertEquals(text, events.get(0).getProperty(AutomationEvents.MESSAGE));

        NotificationDelivery delivery = new NotificationDelivery(eco.records);
        events.forEach(delivery::handleEvent);
        NotificationResource inbox = new NotificationResource(delivery);
        for (UserAccount told : List.of(owner, admin)) {
            Map<String, Object> mine = inbox.mine(false, 50, as(caller(told)));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) mine.get("items");
            assertEquals(1, items.size(), told.id());
            assertEquals(text, items.get(0).get("textEn"));
            assertEquals(
                    "合作伙伴 Delta Dealers (" + partnerId + ") 的 API 访问已被暂停：" + REASON,
                    items.get(0).get("textZh"));
            assertEquals(partnerId, items.get(0).get("subject"));
        }
        for (UserAccount notTold : List.of(formerOwner, otherRep)) {
            assertEquals(0, inbox.mine(false, 50, as(caller(notTold))).get("unread"), notTold.id());
        }
    }

    @Test
    void aPartnerWithoutOwnerAlertsTheAdministratorsOnly() {
        String unowned = eco.records
                .create(
                        Caller.system(),
                        EcosystemTypes.PARTNER,
                        Map.of("code", "S-1", "name", "Sigma", "partnerType", "supplier"))
                .id();

        List<Event> events = new GateAlert(eco.records, () -> List.of(user("u-owner", "rep-7", true, Roles.REP)))
                .events(unowned, REASON);

        assertEquals(1, events.size());
        assertEquals(Roles.ADMIN, events.get(0).getProperty(AutomationEvents.ROLE));
    }
}
