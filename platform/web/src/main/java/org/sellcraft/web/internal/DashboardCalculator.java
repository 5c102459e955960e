package org.sellcraft.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;

/**
 * The figures of the home dashboard, computed in one pass over the orders, opportunities, accounts, reps and
 * regions that the caller may see: revenue by month from order lines (quantity × unit price, returns negative), the
 * pipeline by stage, the win rate, the top accounts and sales by region and month.
 */
final class DashboardCalculator {

    static final int TOP_ACCOUNTS = 10;
    static final int HEAT_REGIONS = 12;
    private static final String WON = "Won";
    private static final String LOST = "Lost";

    private final RecordSource source;
    private final HealthService health;

    /**
     * @param source the records of the caller
     * @param health the health engine, or {@code null} when the health module is not installed
     */
    DashboardCalculator(RecordSource source, HealthService health) {
        this.source = source;
        this.health = health;
    }

    /** Money and counts of one month, region or account. */
    private static final class Tally {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal won = BigDecimal.ZERO;
        long orders;
        long opportunities;

        BigDecimal sales() {
            return revenue.add(won);
        }
    }

    /** A stage of the pipeline. */
    private static final class Stage {
        long count;
        BigDecimal value = BigDecimal.ZERO;
    }

    /**
     * The dashboard and, from the same pass, the ids of each account's orders, so that a customer page need not read
     * every order again.
     */
    record Result(Map<String, Object> dashboard, Map<String, List<String>> ordersByAccount) {}

    Result compute() {
        Map<String, String> regionNames = new HashMap<>();
        source.forEach(SalesTypes.REGION, region -> regionNames.put(region.id(), Values.Names.display(region)));
        Map<String, String> repRegions = new HashMap<>();
        source.forEach(SalesTypes.REP, rep -> {
            Object region = rep.get("regionId");
            if (region != null) {
                repRegions.put(rep.id(), regionNames.getOrDefault(region.toString(), null));
            }
        });
        Set<String> accounts = new HashSet<>();
        source.forEach(SalesTypes.ACCOUNT, account -> accounts.add(account.id()));

        Map<String, Tally> months = new TreeMap<>();
        Map<String, Tally> byAccount = new HashMap<>();
        Map<String, Map<String, BigDecimal>> heat = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        Map<String, List<String>> ordersByAccount = new HashMap<>();
        Tally total = new Tally();
        source.forEach(SalesTypes.ORDER, order -> {
            BigDecimal amount = Values.orderAmount(order);
            String month = Values.month(order.get("orderedAt")).orElse(null);
            total.revenue = total.revenue.add(amount);
            total.orders++;
            if (month != null) {
                Tally tally = months.computeIfAbsent(month, m -> new Tally());
                tally.revenue = tally.revenue.add(amount);
                tally.orders++;
                String region = regionOf(order, regionNames);
                if (region != null) {
                    heat.computeIfAbsent(region, r -> new HashMap<>()).merge(month, amount, BigDecimal::add);
                }
            }
            Object account = order.get("accountId");
            if (account != null) {
                ordersByAccount
                        .computeIfAbsent(account.toString(), a -> new ArrayList<>(4))
                        .add(order.id());
                Tally tally = byAccount.computeIfAbsent(account.toString(), a -> new Tally());
                tally.revenue = tally.revenue.add(amount);
                tally.orders++;
            }
            Object currency = order.get("currency");
            if (currency != null) {
                currencies.merge(currency.toString(), "", (a, b) -> a);
            }
        });

        Map<String, Stage> stages = new LinkedHashMap<>();
        SalesTypes.STAGES.forEach(stage -> stages.put(stage, new Stage()));
        source.forEach(SalesTypes.OPPORTUNITY, opportunity -> {
            String stageName = Values.text(opportunity.get("stage"));
            BigDecimal value = Values.decimal(opportunity.get("value"));
            Stage stage = stages.computeIfAbsent(stageName == null ? "" : stageName, s -> new Stage());
            stage.count++;
            stage.value = stage.value.add(value);
            total.opportunities++;
            Object account = opportunity.get("accountId");
            Tally ofAccount = account == null ? null : byAccount.computeIfAbsent(account.toString(), a -> new Tally());
            if (ofAccount != null) {
                ofAccount.opportunities++;
            }
            if (!WON.equals(stageName)) {
                return;
            }
            total.won = total.won.add(value);
            if (ofAccount != null) {
                ofAccount.won = ofAccount.won.add(value);
            }
            String month = Values.month(opportunity.get("closeDate")).orElse(null);
            if (month != null) {
                Tally tally = months.computeIfAbsent(month, m -> new Tally());
                tally.won = tally.won.add(value);
                tally.opportunities++;
                Object owner = opportunity.get("ownerId");
                String region = owner == null ? null : repRegions.get(owner.toString());
                if (region != null) {
                    heat.computeIfAbsent(region, r -> new HashMap<>()).merge(month, value, BigDecimal::add);
                }
            }
        });

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("computedAt", Instant.now());
        json.put("currencies", new TreeSet<>(currencies.keySet()));
        json.put("totals", totals(total, accounts.size(), stages));
        json.put("months", monthsJson(months));
        json.put("funnel", funnelJson(stages));
        json.put("winRate", winRate(stages));
        json.put("topAccounts", topAccounts(byAccount));
        json.put("heat", heatJson(heat));
        if (health != null) {
            json.put("health", HealthView.summary(health, accounts));
        }
        return new Result(json, ordersByAccount);
    }

    private static String regionOf(Record order, Map<String, String> regionNames) {
        Object region = order.get("regionId");
        if (region != null && regionNames.containsKey(region.toString())) {
            return regionNames.get(region.toString());
        }
        return Values.text(order.get("country"));
    }

    private static Map<String, Object> totals(Tally total, long accounts, Map<String, Stage> stages) {
        long openCount = 0;
        BigDecimal openValue = BigDecimal.ZERO;
        for (Map.Entry<String, Stage> stage : stages.entrySet()) {
            if (!stage.getKey().equals(WON) && !stage.getKey().equals(LOST)) {
                openCount += stage.getValue().count;
                openValue = openValue.add(stage.getValue().value);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("revenue", total.revenue);
        json.put("orders", total.orders);
        json.put("accounts", accounts);
        json.put("opportunities", total.opportunities);
        json.put("wonValue", total.won);
        json.put("openOpportunities", openCount);
        json.put("openValue", openValue);
        return json;
    }

    private static List<Map<String, Object>> monthsJson(Map<String, Tally> months) {
        List<Map<String, Object>> json = new ArrayList<>();
        months.forEach((month, tally) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month);
            row.put("revenue", tally.revenue);
            row.put("orders", tally.orders);
            row.put("wonValue", tally.won);
            row.put("won", tally.opportunities);
            json.add(row);
        });
        return json;
    }

    private static List<Map<String, Object>> funnelJson(Map<String, Stage> stages) {
        List<Map<String, Object>> json = new ArrayList<>();
        stages.forEach((name, stage) -> {
            if (name.isEmpty()) {
                return;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", name);
            row.put("count", stage.count);
            row.put("value", stage.value);
            json.add(row);
        });
        return json;
    }

    private static Map<String, Object> winRate(Map<String, Stage> stages) {
        Stage won = stages.get(WON);
        Stage lost = stages.get(LOST);
        long closed = won.count + lost.count;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("won", won.count);
        json.put("lost", lost.count);
        json.put("rate", closed == 0 ? null : (double) won.count / closed);
        json.put("wonValue", won.value);
        return json;
    }

    private List<Map<String, Object>> topAccounts(Map<String, Tally> byAccount) {
        List<Map<String, Object>> json = new ArrayList<>();
        byAccount.entrySet().stream()
                .filter(entry -> entry.getValue().sales().signum() > 0)
                .sorted(Map.Entry.<String, Tally>comparingByValue(
                                Comparator.comparing(Tally::sales).reversed())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ACCOUNTS)
                .forEach(
                        entry -> source.find(SalesTypes.ACCOUNT, entry.getKey()).ifPresent(account -> {
                            Tally tally = entry.getValue();
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("id", account.id());
                            row.put("name", Values.Names.display(account));
                            row.put("country", account.get("country"));
                            row.put("revenue", tally.revenue);
                            row.put("orders", tally.orders);
                            row.put("wonValue", tally.won);
                            row.put("opportunities", tally.opportunities);
                            json.add(row);
                        }));
        return json;
    }

    private static Map<String, Object> heatJson(Map<String, Map<String, BigDecimal>> heat) {
        Map<String, BigDecimal> totals = new HashMap<>();
        heat.forEach((region, months) ->
                totals.put(region, months.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        List<String> regions = totals.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(HEAT_REGIONS)
                .map(Map.Entry::getKey)
                .toList();
        TreeSet<String> monthSet = new TreeSet<>();
        regions.forEach(region -> monthSet.addAll(heat.get(region).keySet()));
        List<String> months = List.copyOf(monthSet);

        List<List<Object>> cells = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            Map<String, BigDecimal> ofRegion = heat.get(regions.get(r));
            for (int m = 0; m < months.size(); m++) {
                BigDecimal value = ofRegion.get(months.get(m));
                if (value != null) {
                    cells.add(List.of(m, r, value));
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regions", regions);
        json.put("months", months);
        json.put("totals", regions.stream().map(totals::get).toList());
        json.put("cells", cells);
        return json;
    }
}
