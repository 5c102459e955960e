package org.sellcraft.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;

/**
 * Everything the customer page shows, from one pass over the caller's orders, opportunities and activities: the
 * account with the names of what it refers to, its orders newest first, revenue by month, the products it bought,
 * its opportunities and its activities.
 */
final class CustomerView {

    static final int TIMELINE = 100;
    static final int PRODUCTS = 15;
    static final int OPPORTUNITIES = 100;
    static final int ACTIVITIES = 50;

    private final RecordSource source;
    private final Values.Names names;
    private final List<String> orderIds;

    /**
     * @param source the records of the caller
     * @param orderIds the ids of the account's orders that the caller may see
     */
    CustomerView(RecordSource source, List<String> orderIds) {
        this.source = source;
        this.names = new Values.Names(source);
        this.orderIds = orderIds;
    }

    /** A product's share of the customer's orders. */
    private static final class Bought {
        String name;
        long quantity;
        BigDecimal revenue = BigDecimal.ZERO;
        long orders;
    }

    Map<String, Object> of(Record account) {
        List<Record> orders = new ArrayList<>(orderIds.size());
        for (String id : orderIds) {
            source.find(SalesTypes.ORDER, id).ifPresent(orders::add);
        }
        orders.sort(Comparator.comparing(
                        (Record order) -> (Instant) order.get("orderedAt"),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", accountJson(account));
        json.put("summary", summary(orders));
        json.put("timeline", timeline(orders));
        json.put("months", months(orders));
        json.put("products", products(orders));
        json.put("opportunities", opportunities(account));
        json.put("activities", activities(account));
        return json;
    }

    private Map<String, Object> accountJson(Record account) {
        Map<String, Object> json = Values.json(account);
        json.put("ownerName", names.of(SalesTypes.REP, account.get("ownerId")));
        json.put("regionName", names.of(SalesTypes.REGION, account.get("regionId")));
        json.put("parentName", names.of(SalesTypes.ACCOUNT, account.get("parentId")));
        return json;
    }

    private static Map<String, Object> summary(List<Record> orders) {
        BigDecimal revenue = BigDecimal.ZERO;
        long cancellations = 0;
        for (Record order : orders) {
            revenue = revenue.add(Values.orderAmount(order));
            if (Boolean.TRUE.equals(order.get("cancellation"))) {
                cancellations++;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orders", orders.size());
        json.put("revenue", revenue);
        json.put("cancellations", cancellations);
        json.put(
                "firstOrderAt",
                orders.isEmpty() ? null : orders.get(orders.size() - 1).get("orderedAt"));
        json.put("lastOrderAt", orders.isEmpty() ? null : orders.get(0).get("orderedAt"));
        return json;
    }

    private static List<Map<String, Object>> timeline(List<Record> orders) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Record order : orders.subList(0, Math.min(TIMELINE, orders.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", order.id());
            row.put("orderNumber", order.get("orderNumber"));
            row.put("orderedAt", order.get("orderedAt"));
            row.put("channel", order.get("channel"));
            row.put("lines", Values.lines(order).size());
            row.put("amount", Values.orderAmount(order));
            row.put("currency", order.get("currency"));
            row.put("cancellation", Boolean.TRUE.equals(order.get("cancellation")));
            json.add(row);
        }
        return json;
    }

    /** Revenue of every month from the first order to the last, months without orders at zero. */
    private static List<Map<String, Object>> months(List<Record> orders) {
        Map<String, BigDecimal> months = new TreeMap<>();
        for (Record order : orders) {
            Values.month(order.get("orderedAt"))
                    .ifPresent(month -> months.merge(month, Values.orderAmount(order), BigDecimal::add));
        }
        if (!months.isEmpty()) {
            YearMonth last = YearMonth.parse(((TreeMap<String, BigDecimal>) months).lastKey());
            for (YearMonth month = YearMonth.parse(((TreeMap<String, BigDecimal>) months).firstKey());
                    month.isBefore(last);
                    month = month.plusMonths(1)) {
                months.putIfAbsent(month.toString(), BigDecimal.ZERO);
            }
        }
        List<Map<String, Object>> json = new ArrayList<>();
        months.forEach((month, revenue) -> json.add(Map.of("month", month, "revenue", revenue)));
        return json;
    }

    private static List<Map<String, Object>> products(List<Record> orders) {
        Map<String, Bought> bought = new HashMap<>();
        for (Record order : orders) {
            for (Map<String, Object> line : Values.lines(order)) {
                String sku = Values.text(line.get("sku"));
                if (sku == null) {
                    continue;
                }
                Bought product = bought.computeIfAbsent(sku, s -> new Bought());
                if (product.name == null) {
                    product.name = Values.text(line.get("description"));
                }
                long quantity = Values.whole(line.get("quantity"));
                product.quantity += quantity;
                product.revenue = product.revenue.add(
                        Values.decimal(line.get("unitPrice")).multiply(BigDecimal.valueOf(quantity)));
                product.orders++;
            }
        }
        List<Map<String, Object>> json = new ArrayList<>();
        bought.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Bought> e) -> e.getValue().revenue)
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(PRODUCTS)
                .forEach(entry -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("sku", entry.getKey());
                    row.put("name", entry.getValue().name);
                    row.put("quantity", entry.getValue().quantity);
                    row.put("revenue", entry.getValue().revenue);
                    row.put("orders", entry.getValue().orders);
                    json.add(row);
                });
        return json;
    }

    private List<Map<String, Object>> opportunities(Record account) {
        List<Record> found = new ArrayList<>();
        source.forEach(SalesTypes.OPPORTUNITY, opportunity -> {
            if (account.id().equals(opportunity.get("accountId"))) {
                found.add(opportunity);
            }
        });
        found.sort(Comparator.comparing((Record o) ->
                        String.valueOf(o.get("closeDate") != null ? o.get("closeDate") : o.get("engageDate")))
                .reversed());
        List<Map<String, Object>> json = new ArrayList<>();
        for (Record opportunity : found.subList(0, Math.min(OPPORTUNITIES, found.size()))) {
            json.add(PipelineView.opportunityJson(opportunity, names));
        }
        return json;
    }

    private List<Map<String, Object>> activities(Record account) {
        List<Record> found = new ArrayList<>();
        source.forEach(SalesTypes.ACTIVITY, activity -> {
            if (account.id().equals(activity.get("accountId"))) {
                found.add(activity);
            }
        });
        found.sort(Comparator.comparing((Record a) -> String.valueOf(a.get("occurredAt")))
                .reversed());
        List<Map<String, Object>> json = new ArrayList<>();
        for (Record activity : found.subList(0, Math.min(ACTIVITIES, found.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", activity.id());
            row.put("kind", activity.get("kind"));
            row.put("occurredAt", activity.get("occurredAt"));
            row.put("subject", activity.get("subject"));
            row.put("ownerName", names.of(SalesTypes.REP, activity.get("ownerId")));
            json.add(row);
        }
        return json;
    }
}
