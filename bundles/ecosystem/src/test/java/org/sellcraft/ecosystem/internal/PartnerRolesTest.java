package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordRefusedException;

/**
 * The partner roles of the default policy with the ecosystem's guards, through the record service every endpoint
 * uses: a service provider opens and closes repair orders and changes nothing else, no partner changes a contract,
 * a dealer never sees a cost price, a contractor reads its own equipment and writes nothing.
 */
class PartnerRolesTest {

    private EcosystemStore eco;
    private String provider;
    private String dealer;
    private String contractor;

    @BeforeEach
    void makePartners() throws Exception {
        eco = EcosystemStore.empty();
        eco.records.addGuard(new PartnerWorkOrderGuard());
        provider = partner("SP-1", "service-provider");
        dealer = partner("D-1", "dealer");
        contractor = partner("C-1", "contractor");
    }

    @AfterEach
    void removeStore() {
        eco.delete();
    }

    private String partner(String code, String type) {
        return eco.records
                .create(Caller.system(), EcosystemTypes.PARTNER, Map.of("code", code, "partnerType", type))
                .id();
    }

    private static Caller user(String role, String partnerId) {
        return new Caller("u-" + role, role, Set.of(role), partnerId, null, Set.of());
    }

    @Test
    void aServiceProviderOpensAndClosesARepairOrderButChangesNothingElse() {
        Caller sp = user(Roles.SERVICE_PROVIDER, provider);

        Record opened = eco.records.create(
                sp,
                EcosystemTypes.WORK_ORDER,
                Map.of("orderId", "r-1", "itemNo", 1, "partnerId", provider, "kind", "repair", "status", "open"));
        Record closed = eco.records.update(
                sp,
                EcosystemTypes.WORK_ORDER,
                opened.id(),
                opened.version(),
                Map.of("status", "closed", "closedAt", Instant.parse("2026-03-02T10:00:00Z")));
        assertEquals("closed", closed.get("status"));
        Record reopened = eco.records.update(
                sp, EcosystemTypes.WORK_ORDER, closed.id(), closed.version(), Map.of("status", "open"));
        assertEquals("open", reopened.get("status"));

        RecordRefusedException price = assertThrows(
                RecordRefusedException.class,
                () -> eco.records.update(
                        sp,
                        EcosystemTypes.WORK_ORDER,
                        reopened.id(),
                        reopened.version(),
                        Map.of("price", new BigDecimal("99.00"))));
        assertEquals("Partners may only open and close a repair work order, not change [price]", price.reason());
        RecordRefusedException install = assertThrows(
                RecordRefusedException.class,
                () -> eco.records.create(
                        sp,
                        EcosystemTypes.WORK_ORDER,
                        Map.of("orderId", "r-2", "itemNo", 1, "partnerId", provider, "kind", "installation")));
        assertEquals("Partners may open only repair work orders (kind 'repair')", install.reason());
        assertEquals(1, eco.records.count(Caller.system(), EcosystemTypes.WORK_ORDER));
    }

    @Test
    void noPartnerChangesContractTerms() {
        Record contract = eco.records.create(
                Caller.system(),
                EcosystemTypes.CONTRACT,
                Map.of("code", "c-1", "template", "service-satisfaction", "partnerId", provider, "wordingEn", "85%"));

        for (String role : java.util.List.of(
                Roles.DEALER, Roles.SERVICE_PROVIDER, Roles.LOGISTICS, Roles.SUPPLIER, Roles.CONTRACTOR)) {
            Caller partnerUser = user(role, provider);
            AccessDeniedException denied = assertThrows(
                    AccessDeniedException.class,
                    () -> eco.records.update(
                            partnerUser,
                            EcosystemTypes.CONTRACT,
                            contract.id(),
                            contract.version(),
                            Map.of("wordingEn", "50%")),
                    role);
            assertFalse(denied.getMessage().isBlank(), role);
        }
        assertEquals(
                "85%",
                eco.records
                        .get(user(Roles.SERVICE_PROVIDER, provider), EcosystemTypes.CONTRACT, contract.id())
                        .get("wordingEn"));
    }

    @Test
    void aDealerSeesItsDeliveryButNeverItsCostPrice() {
        Record delivery = eco.records.create(
                Caller.system(),
                EcosystemTypes.DELIVERY,
                Map.of(
                        "reference",
                        "DL-1",
                        "partnerId",
                        dealer,
                        "unitCost",
                        new BigDecimal("12.50"),
                        "lineValue",
                        new BigDecimal("250.00")));

        Record seen = eco.records.get(user(Roles.DEALER, dealer), EcosystemTypes.DELIVERY, delivery.id());

        assertEquals("DL-1", seen.get("reference"));
        assertFalse(seen.fields().containsKey("unitCost"), seen.fields().toString());
        assertFalse(seen.fields().containsKey("lineValue"), seen.fields().toString());
        assertEquals(
                new BigDecimal("12.50"),
                eco.records
                        .get(Caller.system(), EcosystemTypes.DELIVERY, delivery.id())
                        .get("unitCost"));
    }

    @Test
    void aContractorReadsItsOwnEquipmentAndWritesNoWorkOrder() {
        eco.records.create(Caller.system(), EcosystemTypes.EQUIPMENT, Map.of("code", "EX-1", "partnerId", contractor));
        eco.records.create(Caller.system(), EcosystemTypes.EQUIPMENT, Map.of("code", "EX-2", "partnerId", provider));
        Caller c = user(Roles.CONTRACTOR, contractor);

        assertEquals(1, eco.records.count(c, EcosystemTypes.EQUIPMENT));
        assertThrows(
                AccessDeniedException.class,
                () -> eco.records.create(
                        c,
                        EcosystemTypes.WORK_ORDER,
                        Map.of("orderId", "r-3", "itemNo", 1, "partnerId", contractor, "kind", "repair")));
    }
}
