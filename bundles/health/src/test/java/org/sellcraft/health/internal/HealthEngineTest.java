package org.sellcraft.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/** The engine's behaviour on small, made-up histories in a real store: changes, alerts, snapshots, factors. */
class HealthEngineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private final List<HealthAlert> alerts = new ArrayList<>();
    private HealthEngine engine;
    private String steady;
    private int orderNumber;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder);
        records = new RecordServiceImpl(store, new CoreRecordTypes(List.of(Snapshots.TYPE)));
        steady = account("S1");
        // Every 30 days through 2011, up to 2011-12-27: a steady customer.
        for (LocalDate day = LocalDate.of(2011, 1, 1); day.getYear() == 2011; day = day.plusDays(30)) {
            order(steady, day, 10, "20.00");
        }
        engine = newEngine(Map.of("referenceDate", "2011-12-31"));
        engine.rebuild(true);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aSteadyCustomerIsHealthyWithNothingToExplain() {
        HealthScore score = engine.score("S1").orElseThrow();

        assertEquals(HealthBand.HEALTHY, score.band());
        assertEquals(4, score.figures().recencyDays());
        assertEquals(12, score.figures().intervals().size());
        assertTrue(score.figures().intervals().stream().allMatch(i -> i == 30));
        assertTrue(score.score() >= 95, score.toString());
        assertTrue(
                score.factors().stream().allMatch(f -> f.lost() < 5),
                score.factors().toString());
    }

    @Test
    void aReturnChangesOnlyThatCustomersScoreAndItsExplanation() {
        String other = account("S2");
        order(other, LocalDate.of(2011, 12, 1), 5, "10.00");
        engine.rebuild(false);
        HealthScore otherBefore = engine.score("S2").orElseThrow();

        String returned = cancellation(steady, LocalDate.of(2011, 12, 28), -60, "20.00");
        engine.orderChanged(returned);
        HealthScore after = engine.score("S1").orElseThrow();

        FactorScore returns = factor(after, ReturnsFactor.NAME);
        assertTrue(after.score() < 100);
        assertEquals(
                "Returned 46.2% of what was bought in the last 365 days (1,200.00 of 2,600.00)",
                returns.sentence().en());
        assertTrue(after.reasons().contains(returns.sentence()), after.reasons().toString());
        assertTrue(otherBefore == engine.score("S2").orElseThrow(), "other customers are not rescored");
    }

    @Test
    void crossingIntoAtRiskRaisesOneAlertAndTheFirstLookIsRecordedOnce() {
        engine = returnsWeighHeavily();
        engine.settle();

        engine.orderChanged(cancellation(steady, LocalDate.of(2011, 12, 28), -200, "20.00"));
        engine.orderChanged(cancellation(steady, LocalDate.of(2011, 12, 29), -10, "20.00"));

        assertEquals(1, alerts.size(), alerts.toString());
        HealthAlert alert = alerts.get(0);
        assertEquals(HealthBand.HEALTHY, alert.previousBand());
        assertTrue(alert.band().needsAction());
        assertNull(alert.firstSeenAt());

        engine.recordView("S1", "rep.anna");
        engine.recordView("S1", "rep.ben");
        HealthAlert seen = engine.alert("S1").orElseThrow();
        assertEquals("rep.anna", seen.firstSeenBy());
        assertEquals(CLOCK.instant(), seen.firstSeenAt());
        assertTrue(seen.open());
    }

    @Test
    void duringABurstAlertsWaitForTheEngineToSettle() {
        engine = returnsWeighHeavily();
        engine.settle();
        engine.immediateAlerts(false);

        engine.orderChanged(cancellation(steady, LocalDate.of(2011, 12, 28), -200, "20.00"));
        assertTrue(alerts.isEmpty());

        engine.settle();
        assertEquals(1, alerts.size());
    }

    @Test
    void customersMetForTheFirstTimeRaiseNoAlert() {
        String newcomer = account("N1");
        engine.orderChanged(order(newcomer, LocalDate.of(2011, 3, 1), 1, "5.00"));

        assertEquals(HealthBand.CHURNED, engine.score("N1").orElseThrow().band());
        assertTrue(alerts.isEmpty());
    }

    @Test
    void alertsFirstLooksAndRecordedHistorySurviveANewEngine() {
        engine = returnsWeighHeavily();
        engine.settle();
        engine.orderChanged(cancellation(steady, LocalDate.of(2011, 12, 28), -200, "20.00"));
        engine.recordView("S1", "rep.anna");
        records.upsert(Caller.system(), Snapshots.TYPE_NAME, engine.settle());

        HealthEngine restarted = returnsWeighHeavily();
        restarted.rebuild(true);

        HealthAlert alert = restarted.alert("S1").orElseThrow();
        assertEquals("rep.anna", alert.firstSeenBy());
        // One point a day: the crossing replaced the morning's healthy point of the same day.
        assertEquals(1, restarted.history("S1").orElseThrow().recorded().size());
        assertEquals(
                HealthBand.AT_RISK,
                restarted.history("S1").orElseThrow().recorded().get(0).band());
        assertTrue(restarted.history("S1").orElseThrow().trajectory().size() >= 11);
    }

    @Test
    void aContributedFactorCountsWithItsWeightAndExplainsItself() {
        HealthScore before = engine.score("S1").orElseThrow();
        double applicableWeight = applicableWeight(before);
        engine.addFactor(new FixedFactor("nps", 0.0, 25));
        engine.rescoreAll();

        HealthScore score = engine.score("S1").orElseThrow();
        FactorScore nps = factor(score, "nps");

        double withNps = applicableWeight + 25;
        assertEquals(100.0 * 25 / withNps, nps.lost(), 0.001, "25 of a total weight of " + withNps);
        assertEquals(before.score() * applicableWeight / withNps, score.score(), 1.0);
        assertEquals("Promoter score fell", score.reasons().get(0).en());
    }

    @Test
    void aFailingContributedFactorIsLeftOutInsteadOfBreakingTheScore() {
        int before = engine.score("S1").orElseThrow().score();
        engine.addFactor(new FixedFactor("broken", Double.NaN, 50));
        engine.rescoreAll();

        HealthScore score = engine.score("S1").orElseThrow();

        assertEquals(before, score.score());
        assertFalse(factor(score, "broken").applicable());
    }

    @Test
    void aWeightOfZeroSwitchesAFactorOff() {
        engine.settings(TestSettings.with(Map.of("referenceDate", "2011-12-31", "weights", "recency=0")));
        engine.rescoreAll();

        assertTrue(engine.score("S1").orElseThrow().factors().stream()
                .noneMatch(f -> f.name().equals(RecencyFactor.NAME)));
    }

    @Test
    void aDeletedOrderLeavesItsCustomersFigures() {
        String late = order(steady, LocalDate.of(2011, 12, 30), 1, "1.00");
        engine.orderChanged(late);
        assertEquals(1, engine.score("S1").orElseThrow().figures().recencyDays());

        Record stored = records.get(Caller.system(), "order", late);
        records.delete(Caller.system(), "order", late, stored.version());
        engine.orderChanged(late);

        assertEquals(4, engine.score("S1").orElseThrow().figures().recencyDays());
    }

    @Test
    void withoutAReferenceDateTheLatestOrderSetsTheDay() {
        HealthEngine latest = newEngine(Map.of());
        latest.rebuild(false);
        assertEquals(LocalDate.of(2011, 12, 27), latest.asOf());

        String anonymous = records.create(
                        Caller.system(),
                        "order",
                        Map.of(
                                "orderNumber", "X1",
                                "orderedAt", Instant.parse("2012-01-10T10:00:00Z"),
                                "lines", List.of(line(1, "85123A", 1, "1.00"))))
                .id();
        latest.orderChanged(anonymous);
        latest.afterChanges();

        assertEquals(LocalDate.of(2012, 1, 10), latest.asOf(), "orders without a customer still date the data");
        assertEquals(14, latest.score("S1").orElseThrow().figures().recencyDays());
    }

    @Test
    void nonProductLinesCountForNothing() {
        String postageOnly = account("P1");
        engine.orderChanged(order(postageOnly, LocalDate.of(2011, 12, 1), 1, "18.00", "POST"));
        engine.orderChanged(order(postageOnly, LocalDate.of(2011, 12, 2), 2, "3.00", "gift_0001_20"));

        assertTrue(engine.score("P1").isEmpty(), "postage and vouchers are no purchase");
    }

    @Test
    void segmentsNameTheRegionAndOwnerOfAnAccountCreatedAfterTheEngineStarted() {
        String region = records.create(Caller.system(), "region", Map.of("code", "West", "name", "West"))
                .id();
        String rep = records.create(
                        Caller.system(),
                        "rep",
                        Map.of("code", "Anna Snelling", "name", "Anna Snelling", "regionId", region))
                .id();
        String owned = records.create(
                        Caller.system(),
                        "account",
                        Map.of("code", "O1", "name", "Customer O1", "regionId", region, "ownerId", rep))
                .id();
        engine.accountChanged(owned);
        engine.orderChanged(order(owned, LocalDate.of(2011, 12, 1), 4, "10.00"));

        Map<String, String> dimensions = engine.score("O1").orElseThrow().dimensions();
        assertEquals("West", dimensions.get("region"));
        assertEquals("Anna Snelling", dimensions.get("owner"));
        assertEquals(
                1,
                engine.segments("owner").stream()
                        .filter(segment -> segment.value().equals("Anna Snelling"))
                        .findFirst()
                        .orElseThrow()
                        .customers());
    }

    /** An engine on which one large return is enough to put a steady customer at risk. */
    private HealthEngine returnsWeighHeavily() {
        HealthEngine heavy = newEngine(Map.of("referenceDate", "2011-12-31", "weights", "returns=300"));
        heavy.rebuild(true);
        return heavy;
    }

    private static double applicableWeight(HealthScore score) {
        return score.factors().stream()
                .filter(FactorScore::applicable)
                .mapToDouble(FactorScore::weight)
                .sum();
    }

    private HealthEngine newEngine(Map<String, Object> settings) {
        return new HealthEngine(records, TestSettings.with(settings), CLOCK, alerts::add);
    }

    private String account(String code) {
        return records.create(Caller.system(), "account", Map.of("code", code, "name", "Customer " + code))
                .id();
    }

    private String order(String accountId, LocalDate day, long quantity, String price) {
        return order(accountId, day, quantity, price, "85123A");
    }

    private String order(String accountId, LocalDate day, long quantity, String price, String sku) {
        return records.create(
                        Caller.system(),
                        "order",
                        Map.of(
                                "orderNumber",
                                "T" + ++orderNumber,
                                "accountId",
                                accountId,
                                "orderedAt",
                                day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                                "channel",
                                "online",
                                "lines",
                                List.of(line(1, sku, quantity, price))))
                .id();
    }

    private String cancellation(String accountId, LocalDate day, long quantity, String price) {
        return records.create(
                        Caller.system(),
                        "order",
                        Map.of(
                                "orderNumber",
                                "C" + ++orderNumber,
                                "accountId",
                                accountId,
                                "orderedAt",
                                day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                                "cancellation",
                                true,
                                "lines",
                                List.of(line(1, "85123A", quantity, price))))
                .id();
    }

    private static Map<String, Object> line(long lineNo, String sku, long quantity, String price) {
        return Map.of("lineNo", lineNo, "sku", sku, "quantity", quantity, "unitPrice", new BigDecimal(price));
    }

    private static FactorScore factor(HealthScore score, String name) {
        FactorScore found = score.factors().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElse(null);
        assertNotNull(found, name + " in " + score.factors());
        return found;
    }

    /** A contributed factor with a fixed finding; NaN makes it fail. */
    private record FixedFactor(String name, double score, double defaultWeight) implements HealthFactor {

        @Override
        public Text label() {
            return new Text("Promoter score", "推荐值");
        }

        @Override
        public FactorResult evaluate(CustomerHistory history, HealthContext context) {
            return FactorResult.of(score, score, new Text("Promoter score fell", "推荐值下降"));
        }
    }
}
