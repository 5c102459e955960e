package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;

/**
 * The idle-equipment clause on usage made here (there is no real equipment data): which machines and days fire,
 * checked against a count made in the test from the same daily figures, and what the contractor is sent.
 */
class IdleEquipmentClauseTest {

    private static final Caller ADMIN = new Caller("u-admin", "admin", Set.of(Roles.ADMIN));
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final LocalDate AFTER_LAST = LocalDate.of(2026, 3, 11);

    /** Idle share per machine, one value per day from March 1st; {@code null} is a day without a usage record. */
    private static final Map<String, Double[]> IDLE = new TreeMap<>(Map.of(
            "EX-1", new Double[] {0.70, 0.80, 0.90, 0.95, 0.20, 0.70, 0.66, 0.99, 0.70, 0.10},
            "EX-2", new Double[] {0.65, 0.65, 0.65, 0.65, 0.66, 0.66, 0.65, 0.66, 0.66, 0.66},
            "EX-3", new Double[] {0.90, 0.90, null, 0.90, 0.90, 0.90, 0.90, 0.90, 0.90, 0.90},
            "EX-4", new Double[] {0.90, 0.90, 0.90, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10, 0.10}));

    private static final Map<String, String> CONTRACTOR =
            Map.of("EX-1", "C-NORTH", "EX-2", "C-NORTH", "EX-3", "C-SOUTH", "EX-4", "C-SOUTH");
    private static final Map<String, String> REGION = Map.of("C-NORTH", "north", "C-SOUTH", "south");

    private EcosystemStore eco;

    @BeforeEach
    void makeData() throws IOException {
        eco = EcosystemStore.empty();
        eco.existing("region", "north", Map.of("code", "north", "name", "North"));
        eco.existing("region", "south", Map.of("code", "south", "name", "South"));
        for (String contractor : List.of("C-NORTH", "C-SOUTH")) {
            eco.records.create(
                    Caller.system(),
                    EcosystemTypes.PARTNER,
                    Map.of(
                            "code",
                            contractor,
                            "name",
                            contractor,
                            "partnerType",
                            "contractor",
                            "regionId",
                            REGION.get(contractor)));
        }
        IDLE.forEach((code, shares) -> {
            String partner = partnerId(CONTRACTOR.get(code));
            Record machine = eco.records.create(
                    Caller.system(),
                    EcosystemTypes.EQUIPMENT,
                    Map.of(
                            "code",
                            code,
                            "name",
                            "Excavator " + code,
                            "partnerId",
                            partner,
                            "regionId",
                            REGION.get(CONTRACTOR.get(code))));
            for (int i = 0; i < shares.length; i++) {
                if (shares[i] != null) {
                    eco.records.create(
                            Caller.system(),
                            EcosystemTypes.EQUIPMENT_USAGE,
                            Map.of(
                                    "equipmentId", machine.id(),
                                    "day", FIRST.plusDays(i),
                                    "idleShare", BigDecimal.valueOf(shares[i]),
                                    "partnerId", partner));
                }
            }
        });
        project("JP-1", "Bridge north", "north", "open");
        project("JP-2", "Depot north", "north", "closed");
        project("JP-3", "Road south", "south", "open");
        account("A-N", "north");
        account("A-S", "south");
        opportunity("O-1", "Quarry", "A-N", "Prospecting");
        opportunity("O-2", "Harbour", "A-N", "Won");
        opportunity("O-3", "Tunnel", "A-N", "Negotiation");
        opportunity("O-4", "Airport", "A-S", "Engaging");
        offer("LEASE-ALL", null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), "Any region: 10% off");
        offer("LEASE-NORTH", "north", LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 31), "North: 20% off");
    }

    @AfterEach
    void removeStore() {
        eco.delete();
    }

    private void project(String code, String name, String region, String status) {
        eco.records.create(
                Caller.system(),
                EcosystemTypes.JOINT_PROJECT,
                Map.of("code", code, "name", name, "regionId", region, "status", status));
    }

    private void account(String code, String region) {
        eco.records.create(Caller.system(), SalesTypes.ACCOUNT, Map.of("code", code, "name", code, "regionId", region));
    }

    private void opportunity(String code, String name, String account, String stage) {
        eco.records.create(
                Caller.system(),
                SalesTypes.OPPORTUNITY,
                Map.of(
                        "code", code,
                        "name", name,
                        "accountId", RecordIds.fromKey(SalesTypes.ACCOUNT, account),
                        "stage", stage));
    }

    private void offer(String code, String region, LocalDate from, LocalDate until, String text) {
        Map<String, Object> fields = new LinkedHashMap<>(
                Map.of("code", code, "textEn", text, "textZh", "优惠 " + code, "validFrom", from, "validUntil", until));
        if (region != null) {
            fields.put("regionId", region);
        }
        eco.records.create(Caller.system(), EcosystemTypes.LEASING_OFFER, fields);
    }

    private static String partnerId(String code) {
        return RecordIds.fromKey(EcosystemTypes.PARTNER, code);
    }

    /** Machine and day of every third day in a row above 65%, counted from the figures without the engine. */
    private static Set<String> expectedFirings(String onlyContractor) {
        Set<String> expected = new TreeSet<>();
        IDLE.forEach((code, shares) -> {
            int run = 0;
            for (int i = 0; i < shares.length; i++) {
                run = shares[i] != null && shares[i] > 0.65 ? run + 1 : 0;
                boolean concerned = onlyContractor == null || onlyContractor.equals(CONTRACTOR.get(code));
                if (run == 3 && concerned) {
                    expected.add(code + " " + FIRST.plusDays(i));
                }
            }
        });
        return expected;
    }

    private static Set<String> firings(List<Evaluation> evaluations) {
        Set<String> found = new TreeSet<>();
        evaluations.stream()
                .filter(Evaluation::matched)
                .forEach(e -> found.add(
                        e.facts().get("equipmentCode") + " " + e.facts().get("day")));
        return found;
    }

    private List<Evaluation> runEveryDay() {
        List<Evaluation> done = new ArrayList<>();
        for (LocalDate day = FIRST; day.isBefore(AFTER_LAST); day = day.plusDays(1)) {
            done.addAll(eco.automation.runSchedule(Caller.system(), Trigger.Schedule.DAILY, day, day.plusDays(1)));
        }
        return done;
    }

    private List<Record> documents() {
        List<Record> documents = new ArrayList<>();
        eco.records.forEach(Caller.system(), EcosystemTypes.DOCUMENT, documents::add);
        documents.sort(
                (a, b) -> a.get("title").toString().compareTo(b.get("title").toString()));
        return documents;
    }

    @Test
    void firesOnTheThirdIdleDayInARowOnlyAboveSixtyFivePercentAndAMissingDayBreaksTheRun() {
        Record contract = new Contracts(eco.records, eco.automation, Clock.systemUTC())
                .sign(ADMIN, ContractTemplates.IDLE_EQUIPMENT, null);
        Rule rule = eco.automation.rule(contract.get("code") + "-idle").orElseThrow();

        Set<String> expected = expectedFirings(null);
        assertEquals(
                Set.of("EX-1 2026-03-03", "EX-1 2026-03-08", "EX-2 2026-03-10", "EX-3 2026-03-06", "EX-4 2026-03-03"),
                expected);

        List<Evaluation> dry = eco.automation.dryRun(ADMIN, rule, FIRST, AFTER_LAST);
        assertEquals(expected, firings(dry));
        assertEquals(0, documents().size());

        List<Evaluation> done = runEveryDay();
        assertEquals(expected, firings(done));
        assertEquals(5, documents().size());
        Evaluation ex3 = done.stream()
                .filter(e -> e.matched() && "EX-3".equals(e.facts().get("equipmentCode")))
                .findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 4), ex3.facts().get("idleSince"));
        assertEquals(new BigDecimal("90.0"), ex3.facts().get("idlePct"));
        assertEquals(
                "send 'Open projects near EX-3 and the current leasing offer' to partner " + partnerId("C-SOUTH")
                        + ": 1 open joint projects, 1 open opportunities in region 'south', leasing offer",
                ex3.actions().get(0));
    }

    @Test
    void theContractorIsSentTheOpenProjectsAndOpportunitiesOfItsRegionAndTheOfferValidThatDay() {
        new Contracts(eco.records, eco.automation, Clock.systemUTC())
                .sign(ADMIN, ContractTemplates.IDLE_EQUIPMENT, null);
        runEveryDay();

        Map<String, List<Record>> byPartner = new TreeMap<>();
        documents().forEach(d -> byPartner
                .computeIfAbsent((String) d.get("partnerId"), p -> new ArrayList<>())
                .add(d));
        assertEquals(3, byPartner.get(partnerId("C-NORTH")).size());
        assertEquals(2, byPartner.get(partnerId("C-SOUTH")).size());

        Record north = byPartner.get(partnerId("C-NORTH")).get(0);
        assertEquals("Open projects near EX-1 and the current leasing offer", north.get("title"));
        assertEquals(IdleEquipmentOffer.KIND, north.get("kind"));
        assertEquals("north", north.get("regionId"));
        // EX-1 fired on March 3rd, before the north offer starts, and on March 8th, when it applies.
        List<String> bodies = byPartner.get(partnerId("C-NORTH")).stream()
                .filter(d -> d.get("title").toString().contains("EX-1"))
                .map(d -> d.get("bodyEn").toString())
                .sorted()
                .toList();
        String work =
                "Open joint projects nearby: JP-1 Bridge north\nOpen opportunities nearby: O-1 Quarry; O-3 Tunnel";
        assertEquals(
                List.of(work + "\nLeasing offer: Any region: 10% off", work + "\nLeasing offer: North: 20% off"),
                bodies);
        assertTrue(north.get("bodyZh").toString().startsWith("附近的开放联合项目：JP-1 Bridge north"));
    }

    @Test
    void aContractForOneContractorConcernsOnlyItsEquipmentAndWithoutAnOfferRecordTheRuleTextIsSent() {
        eco.records.forEach(
                Caller.system(),
                EcosystemTypes.LEASING_OFFER,
                o -> eco.records.delete(Caller.system(), EcosystemTypes.LEASING_OFFER, o.id(), o.version()));
        new Contracts(eco.records, eco.automation, Clock.systemUTC())
                .sign(ADMIN, ContractTemplates.IDLE_EQUIPMENT, partnerId("C-SOUTH"));

        List<Evaluation> done = runEveryDay();

        assertEquals(Set.of("EX-3 2026-03-06", "EX-4 2026-03-03"), expectedFirings("C-SOUTH"));
        assertEquals(expectedFirings("C-SOUTH"), firings(done));
        List<Record> sent = documents();
        assertEquals(2, sent.size());
        assertEquals(
                "Open joint projects nearby: JP-3 Road south\nOpen opportunities nearby: O-4 Airport\nLeasing offer: "
                        + ContractTemplates.LEASING_OFFER,
                sent.get(0).get("bodyEn"));
    }
}
