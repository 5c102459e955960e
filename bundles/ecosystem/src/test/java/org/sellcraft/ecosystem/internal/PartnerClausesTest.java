package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sellcraft.api.automation.AutomationEvents;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;

/**
 * The contract clauses on the real partner files: the satisfaction clause on the Olist sample (sellers as service
 * providers, review scores), the late-delivery clause on the SCMS shipments (vendors as suppliers), each checked
 * against a count made here from the raw CSV without the importer or the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerClausesTest {

    private static final Caller ADMIN = new Caller("u-admin", "admin", Set.of(Roles.ADMIN));
    private static final LocalDate FIRST_MONTH = LocalDate.of(2016, 9, 1);
    private static final LocalDate AFTER_LAST_MONTH = LocalDate.of(2018, 11, 1);
    private static final DateTimeFormatter SCMS_DATE = new DateTimeFormatterBuilder()
            .appendPattern("d-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
            .toFormatter(Locale.ENGLISH);

    private EcosystemStore eco;
    private Map<String, Map<String, int[]>> sellerMonths;

    @BeforeAll
    void importFiles() throws Exception {
        eco = EcosystemStore.get();
        sellerMonths = sellerMonthsFromRawFiles();
    }

    /** Per seller and purchase month: [surveys, surveys scoring 4 or 5], each review counted for every seller. */
    private static Map<String, Map<String, int[]>> sellerMonthsFromRawFiles() {
        Map<String, String> monthOfOrder = new HashMap<>();
        PartnerData.rows(PartnerData.ORDERS)
                .forEach(r -> monthOfOrder.put(
                        r.get("order_id"), r.get("order_purchase_timestamp").substring(0, 7)));
        Map<String, Set<String>> sellersOfOrder = new HashMap<>();
        PartnerData.rows(PartnerData.ITEMS).forEach(r -> sellersOfOrder
                .computeIfAbsent(r.get("order_id"), o -> new HashSet<>())
                .add(r.get("seller_id")));
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        for (Map<String, String> review : PartnerData.rows(PartnerData.REVIEWS)) {
            String month = monthOfOrder.get(review.get("order_id"));
            for (String seller : sellersOfOrder.getOrDefault(review.get("order_id"), Set.of())) {
                int[] c = counts.computeIfAbsent(seller, s -> new TreeMap<>()).computeIfAbsent(month, m -> new int[2]);
                c[0]++;
                c[1] += Integer.parseInt(review.get("review_score")) >= 4 ? 1 : 0;
            }
        }
        return counts;
    }

    private static String partnerId(String code) {
        return RecordIds.fromKey(EcosystemTypes.PARTNER, code);
    }

    /** Partner id and month of every seller-month with at least 5 surveys and under 85% of them at 4 or 5. */
    private Set<String> expectedFreezes() {
        Set<String> expected = new TreeSet<>();
        sellerMonths.forEach((seller, months) -> months.forEach((month, c) -> {
            if (c[0] >= 5 && c[1] < 0.85 * c[0]) {
                expected.add(partnerId(seller) + " " + month);
            }
        }));
        return expected;
    }

    private static Set<String> firings(List<Evaluation> evaluations, String ruleId) {
        Set<String> found = new TreeSet<>();
        evaluations.stream()
                .filter(e -> e.ruleId().equals(ruleId) && e.matched())
                .forEach(e ->
                        found.add(e.facts().get("partnerId") + " " + e.facts().get("month")));
        return found;
    }

    @Test
    @Order(1)
    void thePlatformImporterBringsInEveryPartnerWorkOrderDeliveryAndSurvey() {
        Set<String> vendors = new HashSet<>();
        PartnerData.rows(PartnerData.SCMS).forEach(r -> vendors.add(r.get("Vendor")));

        assertEquals(73, vendors.size());
        assertEquals(3_095 + 73, eco.records.count(Caller.system(), EcosystemTypes.PARTNER));
        assertEquals(17_071, eco.records.count(Caller.system(), EcosystemTypes.WORK_ORDER));
        assertEquals(15_000 + 10_324, eco.records.count(Caller.system(), EcosystemTypes.DELIVERY));
        assertEquals(14_944, eco.records.count(Caller.system(), EcosystemTypes.SURVEY));
    }

    @Test
    @Order(2)
    void theSatisfactionClauseFreezesExactlyTheSellerMonthsAnIndependentCountFindsAndADryRunFoundTheSame() {
        Contracts contracts = new Contracts(eco.records, eco.automation, java.time.Clock.systemUTC());
        Record contract = contracts.sign(ADMIN, ContractTemplates.SATISFACTION, null);
        String freezeRule = contract.get("code") + "-freeze";
        Rule freeze = eco.automation.rule(freezeRule).orElseThrow();
        Set<String> expected = expectedFreezes();
        assertEquals(418, expected.size());

        List<Evaluation> dry = eco.automation.dryRun(ADMIN, freeze, FIRST_MONTH, AFTER_LAST_MONTH);
        assertEquals(expected, firings(dry, freezeRule));
        assertEquals(0, eco.records.count(Caller.system(), EcosystemTypes.DOCUMENT));
        assertEquals(0, frozenPartners().size());

        List<Evaluation> done = new ArrayList<>();
        for (LocalDate month = FIRST_MONTH; month.isBefore(AFTER_LAST_MONTH); month = month.plusMonths(1)) {
            done.addAll(
                    eco.automation.runSchedule(Caller.system(), Trigger.Schedule.MONTHLY, month, month.plusMonths(1)));
        }

        assertEquals(expected, firings(done, freezeRule));
        assertEquals(418, eco.records.count(Caller.system(), EcosystemTypes.DOCUMENT));
        assertEquals(expectedFrozenSince().keySet(), frozenPartners());
        Evaluation one = done.stream()
                .filter(e -> e.ruleId().equals(freezeRule) && e.matched())
                .findFirst()
                .orElseThrow();
        assertEquals(2, one.actions().size());
        assertTrue(
                one.actions()
                        .get(0)
                        .startsWith("freeze new work orders of partner "
                                + one.facts().get("partnerId")),
                one.actions().get(0));
    }

    /** Replays the clause month by month: frozen under the line, unfrozen at or above it; the month it froze. */
    private Map<String, String> expectedFrozenSince() {
        Map<String, String> frozenSince = new TreeMap<>();
        sellerMonths.forEach((seller, months) -> months.forEach((month, c) -> {
            if (c[0] < 5) {
                return;
            }
            if (c[1] < 0.85 * c[0]) {
                frozenSince.putIfAbsent(partnerId(seller), month);
            } else {
                frozenSince.remove(partnerId(seller));
            }
        }));
        return frozenSince;
    }

    private Set<String> frozenPartners() {
        Set<String> frozen = new TreeSet<>();
        eco.records.forEach(Caller.system(), EcosystemTypes.PARTNER, p -> {
            if (Partners.frozen(p)) {
                frozen.add(p.id());
            }
        });
        return frozen;
    }

    @Test
    @Order(3)
    void aFrozenPartnersNewWorkOrderIsRefusedNamingTheMonthAndFigures() {
        Map<String, String> frozenSince = expectedFrozenSince();
        String partner = frozenSince.keySet().iterator().next();
        String month = frozenSince.get(partner);
        String seller = sellerMonths.keySet().stream()
                .filter(s -> partnerId(s).equals(partner))
                .findFirst()
                .orElseThrow();
        int[] c = sellerMonths.get(seller).get(month);

        PartnerFrozenException refused = assertThrows(
                PartnerFrozenException.class,
                () -> eco.partners.openWorkOrder(ADMIN, partner, Map.of("orderId", "repair-1")));

        String pct = String.format(Locale.ROOT, "%.1f", c[1] * 100.0 / c[0]);
        assertEquals(
                "Satisfaction in " + month + " was " + pct + "% (" + c[1] + " of " + c[0]
                        + " surveys at 4 or 5), below 85%",
                refused.reasonEn());
        assertTrue(refused.reasonZh().startsWith(month + " 满意度为 " + pct + "%"), refused.reasonZh());
        assertTrue(
                refused.getMessage().startsWith("Partner '" + seller + "' is frozen for new work orders since "),
                refused.getMessage());

        String active = sellerMonths.keySet().stream()
                .map(PartnerClausesTest::partnerId)
                .filter(id -> !frozenSince.containsKey(id))
                .findFirst()
                .orElseThrow();
        Record opened = eco.partners.openWorkOrder(ADMIN, active, Map.of("orderId", "repair-2"));
        assertEquals("open", opened.get("status"));
        assertEquals(active, opened.get("partnerId"));
    }

    @Test
    @Order(4)
    void theLateDeliveryClauseHoldsPaymentForExactlyTheSupplierDeliveriesMoreThan48HoursLate() {
        Set<String> expected = new TreeSet<>();
        List<String> scmsIds = new ArrayList<>();
        for (Map<String, String> row : PartnerData.rows(PartnerData.SCMS)) {
            String id = RecordIds.fromKey(EcosystemTypes.DELIVERY, "scms-" + row.get("ID"));
            scmsIds.add(id);
            LocalDate scheduled = LocalDate.parse(row.get("Scheduled Delivery Date"), SCMS_DATE);
            LocalDate delivered = LocalDate.parse(row.get("Delivered to Client Date"), SCMS_DATE);
            if (ChronoUnit.DAYS.between(scheduled, delivered) > 2) {
                expected.add("delivery/" + id);
            }
        }
        assertEquals(1_046, expected.size());

        Record contract = new Contracts(eco.records, eco.automation, java.time.Clock.systemUTC())
                .sign(ADMIN, ContractTemplates.LATE_DELIVERY, null);
        Rule late = eco.automation.rule(contract.get("code") + "-late").orElseThrow();

        List<Evaluation> dry = eco.automation.dryRun(ADMIN, late, LocalDate.of(2006, 1, 1), LocalDate.of(2019, 1, 1));
        Set<String> dryFired = new TreeSet<>();
        dry.stream().filter(Evaluation::matched).forEach(e -> dryFired.add(e.subject()));
        assertEquals(expected, dryFired);
        assertTrue(dry.stream().allMatch(e -> e.error() == null));
        assertEquals(0, held().size());

        Set<String> fired = new TreeSet<>();
        for (String id : scmsIds) {
            eco.automation.onRecordEvent(EcosystemTypes.DELIVERY, id, "CREATED").stream()
                    .filter(Evaluation::matched)
                    .forEach(e -> fired.add(e.subject()));
        }
        String olistLate = RecordIds.fromKey(EcosystemTypes.DELIVERY, "olist-" + firstOlistOrderLateBy3Days());
        assertFalse(eco.automation
                .onRecordEvent(EcosystemTypes.DELIVERY, olistLate, "CREATED")
                .get(0)
                .matched());

        assertEquals(expected, fired);
        assertEquals(expected, held());
        long notices;
        synchronized (eco.events) {
            notices = eco.events.stream()
                    .filter(e -> e.getTopic().equals(AutomationEvents.NOTIFY))
                    .count();
        }
        assertEquals(1_046, notices);
        Record one = eco.records.get(
                Caller.system(),
                EcosystemTypes.DELIVERY,
                expected.iterator().next().substring(9));
        assertEquals(Boolean.TRUE, one.get("scheduleAffected"));
        assertTrue(((String) one.get("paymentHoldReason")).endsWith("more than 48 hours late"));
    }

    private static String firstOlistOrderLateBy3Days() {
        DateTimeFormatter olist = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        return PartnerData.rows(PartnerData.ORDERS).stream()
                .filter(r -> !r.get("order_delivered_customer_date").isEmpty())
                .filter(r -> java.time.Duration.between(
                                        java.time.LocalDateTime.parse(r.get("order_estimated_delivery_date"), olist),
                                        java.time.LocalDateTime.parse(r.get("order_delivered_customer_date"), olist))
                                .toHours()
                        > 72)
                .findFirst()
                .orElseThrow()
                .get("order_id");
    }

    private Set<String> held() {
        Set<String> held = new TreeSet<>();
        eco.records.forEach(Caller.system(), EcosystemTypes.DELIVERY, d -> {
            if (Boolean.TRUE.equals(d.get("paymentHold"))) {
                held.add("delivery/" + d.id());
            }
        });
        return held;
    }

    @Test
    @Order(5)
    void aSupplierSeesOnlyItsOwnDeliveriesAndNeverACostOrAnotherPartnersRecord() {
        String vendor = "Aurobindo Pharma Limited";
        long rows = PartnerData.rows(PartnerData.SCMS).stream()
                .filter(r -> r.get("Vendor").equals(vendor))
                .count();
        String own = partnerId(vendor);
        Caller supplier = new Caller("u-sup", "aurobindo-erp", Set.of(Roles.SUPPLIER), own, null, Set.of());

        List<Record> seen = new ArrayList<>();
        eco.records.forEach(supplier, EcosystemTypes.DELIVERY, seen::add);
        Set<String> partnersSeen = new LinkedHashSet<>();
        eco.records.forEach(supplier, EcosystemTypes.PARTNER, p -> partnersSeen.add(p.id()));

        assertEquals(rows, seen.size());
        assertTrue(rows > 100, "the vendor has " + rows + " lines");
        assertTrue(seen.stream().allMatch(d -> own.equals(d.get("partnerId"))));
        assertTrue(seen.stream().allMatch(d -> d.get("unitCost") == null && d.get("lineValue") == null));
        assertEquals(Set.of(own), partnersSeen);
        assertEquals(0, eco.records.count(supplier, EcosystemTypes.WORK_ORDER));
        assertEquals(0, eco.records.count(supplier, EcosystemTypes.SURVEY));

        Record others = eco.records.get(
                Caller.system(), EcosystemTypes.DELIVERY, RecordIds.fromKey(EcosystemTypes.DELIVERY, "scms-1"));
        assertFalse(own.equals(others.get("partnerId")));
        RecordNotFoundException hidden = assertThrows(
                RecordNotFoundException.class, () -> eco.records.get(supplier, EcosystemTypes.DELIVERY, others.id()));
        assertTrue(hidden.getMessage().contains(others.id()), hidden.getMessage());
        assertNull(eco.records
                .get(supplier, EcosystemTypes.DELIVERY, seen.get(0).id())
                .get("unitCost"));
    }

    @Test
    @Order(6)
    void eachPartySeesItsJointProjectsWholeAndOnlyItsOwnActivityIndex() {
        String aurobindo = partnerId("Aurobindo Pharma Limited");
        String orgenics = partnerId("Orgenics, Ltd");
        String cipla = partnerId("CIPLA LIMITED");
        eco.records.create(
                Caller.system(),
                EcosystemTypes.JOINT_PROJECT,
                Map.of(
                        "code",
                        "arv-west-africa",
                        "name",
                        "ARV supply, West Africa",
                        "partnerId",
                        aurobindo,
                        "parties",
                        List.of(
                                Map.of("party", aurobindo, "contribution", 600, "weight", 1, "role", "lead"),
                                Map.of("party", orgenics, "contribution", 400, "weight", 1.5, "role", "supply"))));
        eco.records.create(
                Caller.system(),
                EcosystemTypes.JOINT_PROJECT,
                Map.of(
                        "code",
                        "test-kits",
                        "name",
                        "Test kits",
                        "partnerId",
                        cipla,
                        "parties",
                        List.of(Map.of("party", cipla, "contribution", 100, "weight", 1, "role", "lead"))));
        Caller orgenicsUser = new Caller("u-r", "orgenics", Set.of(Roles.SUPPLIER), orgenics, null, Set.of());
        Dashboard dashboard = new Dashboard(eco.records);

        List<Map<String, Object>> projects = dashboard.projects(orgenicsUser);

        assertEquals(
                List.of("arv-west-africa"),
                projects.stream().map(p -> p.get("code")).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties =
                (List<Map<String, Object>>) projects.get(0).get("parties");
        assertEquals(
                List.of(aurobindo, orgenics),
                parties.stream().map(p -> p.get("party")).toList());
        assertEquals(new java.math.BigDecimal("50.0"), parties.get(0).get("sharePct"));
        assertEquals(new java.math.BigDecimal("50.0"), parties.get(1).get("sharePct"));
        assertEquals(2, dashboard.projects(ADMIN).size());

        long onTime = PartnerData.rows(PartnerData.SCMS).stream()
                .filter(r -> r.get("Vendor").equals("Orgenics, Ltd"))
                .filter(r -> !LocalDate.parse(r.get("Delivered to Client Date"), SCMS_DATE)
                        .isAfter(LocalDate.parse(r.get("Scheduled Delivery Date"), SCMS_DATE)))
                .count();
        Map<String, Object> own = dashboard.activity(orgenicsUser, null, 50).get(0);
        assertEquals(orgenics, own.get("partnerId"));
        assertEquals(onTime, own.get("deliveriesOnTime"));
        assertEquals(1L, own.get("jointProjects"));
        assertEquals(onTime + 1, own.get("index"));
        assertEquals(1, dashboard.activity(orgenicsUser, null, 50).size());
        RecordNotFoundException other =
                assertThrows(RecordNotFoundException.class, () -> dashboard.activity(orgenicsUser, cipla, 50));
        assertTrue(other.getMessage().contains(cipla), other.getMessage());
    }
}
