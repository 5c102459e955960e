package org.sellcraft.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sellcraft.api.health.CustomerFigures;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;

/**
 * The engine on the full UCI retail file, imported by the platform's importer into a real store, checked against
 * figures computed independently from the raw CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetailHealthTest {

    /** Customers of different kinds: churned early, steady, the largest, one-off with a return, slowing down. */
    private static final List<String> HANDFUL = List.of("17850", "12347", "14911", "12346", "17954", "14733", "13047");

    private RetailStore retail;
    private RawRetail raw;
    private HealthEngine engine;
    private final List<HealthAlert> alerts = new ArrayList<>();

    @BeforeAll
    void buildOnTheRetailFile() throws Exception {
        retail = RetailStore.get();
        raw = RawRetail.read();
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        engine = new HealthEngine(retail.records, TestSettings.defaults(), clock, alerts::add);
        engine.rebuild(true);
    }

    @Test
    @Order(1)
    void scoresAsOfTheLastDayOfTheDataNotTheWallClock() {
        assertEquals(LocalDate.of(2011, 12, 9), raw.lastDay());
        assertEquals(raw.lastDay(), engine.asOf());
    }

    @Test
    @Order(2)
    void scoresEveryCustomerWithAPurchaseAndNobodyElse() {
        assertEquals(raw.buyers().size(), engine.list(HealthQuery.all(1)).total());
        assertTrue(raw.buyers().size() > 4300, "about 4,300 of the 4,372 customer ids bought something");
    }

    @Test
    @Order(3)
    void recencyFrequencyAndSpendOfEveryCustomerMatchTheRawFile() {
        for (String customer : raw.buyers()) {
            RawRetail.Figures expected = raw.figures(customer);
            CustomerFigures actual = engine.score(customer).orElseThrow().figures();

            assertEquals(expected.recencyDays(), actual.recencyDays(), customer + " recency");
            assertEquals(expected.frequency(), actual.frequency(), customer + " frequency");
            assertEquals(expected.monetary().doubleValue(), actual.monetary(), 0.005, customer + " spend");
            assertEquals(expected.purchases(), actual.purchases(), customer + " purchases");
        }
    }

    @Test
    @Order(4)
    void purchaseIntervalsOfAHandfulOfCustomersMatchTheRawFile() {
        for (String customer : HANDFUL) {
            RawRetail.Figures expected = raw.figures(customer);
            CustomerFigures actual = engine.score(customer).orElseThrow().figures();

            assertEquals(expected.intervals(), actual.intervals(), customer + " intervals");
            assertEquals(expected.recencyDays(), actual.recencyDays(), customer + " recency");
            assertEquals(expected.frequency(), actual.frequency(), customer + " frequency");
            assertEquals(expected.monetary().doubleValue(), actual.monetary(), 0.005, customer + " spend");
        }
    }

    @Test
    @Order(5)
    void theExplanationNamesTheIntervalsThatGotLonger() {
        List<Integer> intervals = raw.figures("17954").intervals();
        List<Integer> lastThree = intervals.subList(intervals.size() - 3, intervals.size());
        assertEquals(List.of(39, 55, 63), lastThree, "the raw file's last three intervals");

        FactorScore rhythm = factor(engine.score("17954").orElseThrow(), IntervalFactor.NAME);

        assertEquals(
                "3 purchase intervals in a row longer than usual: 39, 55, 63 days against a usual 30",
                rhythm.sentence().en());
        assertEquals("连续 3 次购买间隔长于往常：39、55、63 天，往常为 30 天", rhythm.sentence().zh());
        assertTrue(rhythm.lost() > 0, "the slowing rhythm costs points");
    }

    @Test
    @Order(6)
    void aCustomerWhoStoppedBuyingIsChurnedAndTheReasonSaysWhy() {
        HealthScore score = engine.score("17850").orElseThrow();
        long recency = raw.figures("17850").recencyDays();

        assertEquals(HealthBand.CHURNED, score.band());
        assertTrue(
                score.summary().en().contains("Last purchase " + recency + " days ago"),
                score.summary().en());
        assertTrue(
                score.summary().zh().contains(recency + " 天前"), score.summary().zh());
    }

    @Test
    @Order(7)
    void thePointsOfTheFactorsAddUpToTheScore() {
        for (String customer : HANDFUL) {
            HealthScore score = engine.score(customer).orElseThrow();
            double points =
                    score.factors().stream().mapToDouble(FactorScore::points).sum();
            double lost =
                    score.factors().stream().mapToDouble(FactorScore::lost).sum();

            assertEquals(score.score(), points, 0.5, customer);
            assertEquals(100, points + lost, 0.001, customer);
        }
    }

    @Test
    @Order(8)
    void segmentsByCountryCoverEveryoneAndTheUnitedKingdomLeads() {
        List<SegmentSummary> countries = engine.segments("country");

        assertEquals("United Kingdom", countries.get(0).value());
        assertEquals(
                raw.buyers().size(),
                countries.stream().mapToInt(SegmentSummary::customers).sum());
        assertEquals(1, engine.segments("channel").size(), "every retail order is online");
    }

    @Test
    @Order(9)
    void everyBandIsPopulatedOnRealData() {
        for (HealthBand band : HealthBand.values()) {
            HealthQuery query = new HealthQuery(band, 0, 100, Map.of(), HealthQuery.Sort.SCORE, false, 0, 1);
            assertTrue(engine.list(query).total() > 100, band + " has customers");
        }
    }

    @Test
    @Order(10)
    void theTopAtRiskByValueAtStakeComeFirst() {
        HealthQuery query =
                new HealthQuery(HealthBand.AT_RISK, 0, 100, Map.of(), HealthQuery.Sort.VALUE_AT_STAKE, true, 0, 10);
        List<HealthScore> top = engine.list(query).items();

        assertEquals(10, top.size());
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1).valueAtStake() >= top.get(i).valueAtStake());
        }
    }

    @Test
    @Order(20)
    void aNewOrderUpdatesThatCustomersScoreAndExplanation() {
        HealthScore before = engine.score("17850").orElseThrow();
        engine.settle();

        Record order = retail.records.create(
                Caller.system(),
                "order",
                Map.of(
                        "orderNumber", "T900001",
                        "accountId", before.accountId(),
                        "orderedAt", Instant.parse("2011-12-09T15:00:00Z"),
                        "channel", "online",
                        "lines",
                                List.of(Map.of(
                                        "lineNo",
                                        1L,
                                        "sku",
                                        "85123A",
                                        "quantity",
                                        48L,
                                        "unitPrice",
                                        new BigDecimal("2.55")))));
        engine.orderChanged(order.id());
        engine.afterChanges();
        HealthScore after = engine.score("17850").orElseThrow();

        assertEquals(0, after.figures().recencyDays());
        assertEquals(before.figures().purchases() + 1, after.figures().purchases());
        assertTrue(after.score() > before.score(), before.score() + " -> " + after.score());
        assertNotEquals(HealthBand.CHURNED, after.band());
        assertFalse(after.summary().en().equals(before.summary().en()));
        assertTrue(
                factor(after, RecencyFactor.NAME).sentence().en().startsWith("Last purchase 0 days ago"),
                factor(after, RecencyFactor.NAME).sentence().en());
    }

    private static FactorScore factor(HealthScore score, String name) {
        return score.factors().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
