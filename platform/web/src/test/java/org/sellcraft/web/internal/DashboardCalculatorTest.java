package org.sellcraft.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardCalculatorTest {

    private final MemoryRecords records = new MemoryRecords();

    @BeforeEach
    void salesOfTwoCustomers() {
        records.add("region", "r1", "name", "West");
        records.add("rep", "p1", "name", "Ann", "regionId", "r1");
        records.add("account", "a1", "name", "Acme", "country", "France");
        records.add("account", "a2", "name", "Bolt", "country", "Spain");
        records.add("account", "a3", "name", "Idle");
        records.add(
                "order",
                "o1",
                "accountId",
                "a1",
                "country",
                "France",
                "currency",
                "GBP",
                "orderedAt",
                Instant.parse("2011-01-05T10:00:00Z"),
                "lines",
                List.of(MemoryRecords.line("A", 2, "10.50"), MemoryRecords.line("B", 1, "4")));
        records.add(
                "order",
                "o2",
                "accountId",
                "a1",
                "country",
                "France",
                "orderedAt",
                Instant.parse("2011-02-01T00:00:00Z"),
                "lines",
                List.of(MemoryRecords.line("A", -1, "10.50")));
        records.add(
                "order",
                "o3",
                "accountId",
                "a2",
                "country",
                "Spain",
                "orderedAt",
                Instant.parse("2011-02-10T00:00:00Z"),
                "lines",
                List.of(MemoryRecords.line("C", 3, "1")));
        records.add(
                "opportunity",
                "x1",
                "accountId",
                "a2",
                "ownerId",
                "p1",
                "stage",
                "Won",
                "value",
                new BigDecimal("100"),
                "closeDate",
                LocalDate.parse("2011-02-20"));
        records.add(
                "opportunity",
                "x2",
                "accountId",
                "a2",
                "ownerId",
                "p1",
                "stage",
                "Lost",
                "value",
                new BigDecimal("50"),
                "closeDate",
                LocalDate.parse("2011-03-01"));
        records.add("opportunity", "x3", "accountId", "a1", "ownerId", "p1", "stage", "Engaging");
    }

    private Map<String, Object> dashboard() {
        return new DashboardCalculator(records, null).compute().dashboard();
    }

    @Test
    void revenueIsQuantityTimesUnitPriceWithReturnsCountingNegative() {
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) dashboard().get("totals");

        assertEquals(0, new BigDecimal("17.50").compareTo((BigDecimal) totals.get("revenue")));
        assertEquals(3L, totals.get("orders"));
        assertEquals(3L, totals.get("accounts"));
        assertEquals(1L, totals.get("openOpportunities"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void monthsHoldRevenueFromOrdersAndWonValueByCloseMonth() {
        List<Map<String, Object>> months =
                (List<Map<String, Object>>) dashboard().get("months");

        assertEquals(
                List.of("2011-01", "2011-02"),
                months.stream().map(m -> m.get("month")).toList());
        assertEquals(
                0, new BigDecimal("25.00").compareTo((BigDecimal) months.get(0).get("revenue")));
        assertEquals(
                0, new BigDecimal("-7.50").compareTo((BigDecimal) months.get(1).get("revenue")));
        assertEquals(
                0, new BigDecimal("100").compareTo((BigDecimal) months.get(1).get("wonValue")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void funnelListsEveryStageInPipelineOrderAndWinRateCountsClosedDeals() {
        Map<String, Object> dashboard = dashboard();
        List<Map<String, Object>> funnel = (List<Map<String, Object>>) dashboard.get("funnel");
        Map<String, Object> winRate = (Map<String, Object>) dashboard.get("winRate");

        assertEquals(
                List.of("Prospecting", "Engaging", "Proposal", "Negotiation", "Won", "Lost"),
                funnel.stream().map(s -> s.get("stage")).toList());
        assertEquals(1L, funnel.get(1).get("count"));
        assertEquals(0.5, winRate.get("rate"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void topAccountsRankBySalesAndLeaveOutAccountsWithout() {
        List<Map<String, Object>> top = (List<Map<String, Object>>) dashboard().get("topAccounts");

        assertEquals(
                List.of("Bolt", "Acme"), top.stream().map(a -> a.get("name")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void heatGridPlacesOrdersByCountryAndWonDealsByTheRepsRegion() {
        Map<String, Object> heat = (Map<String, Object>) dashboard().get("heat");

        assertEquals(List.of("West", "France", "Spain"), heat.get("regions"));
        assertEquals(List.of("2011-01", "2011-02"), heat.get("months"));
        assertFalse(((List<?>) heat.get("cells")).isEmpty());
    }

    @Test
    void theSamePassIndexesEachAccountsOrders() {
        Map<String, List<String>> index =
                new DashboardCalculator(records, null).compute().ordersByAccount();

        assertEquals(List.of("o1", "o2"), index.get("a1"));
        assertEquals(List.of("o3"), index.get("a2"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutClosedDealsThereIsNoWinRate() {
        MemoryRecords empty = new MemoryRecords();
        Map<String, Object> winRate = (Map<String, Object>)
                new DashboardCalculator(empty, null).compute().dashboard().get("winRate");

        assertNull(winRate.get("rate"));
    }
}
