package org.sellcraft.health.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sellcraft.api.record.Record;

/**
 * The part of one order that health needs, a few dozen bytes instead of the whole record: its customer, its day,
 * the value of its purchased and returned product lines and the categories bought. Returns are lines with a
 * negative quantity (a cancellation invoice's lines all have one); a purchase is an order that is not a
 * cancellation and has at least one product line with a positive quantity.
 *
 * @param orderId the order's id
 * @param accountId the customer's account id
 * @param epochDay the day ordered, in the configured zone
 * @param purchase whether the order is a purchase
 * @param purchased the value of its product lines with a positive quantity
 * @param returned the value of its product lines with a negative quantity, as a positive amount
 * @param categories the distinct categories of its purchased lines, sorted
 * @param channel the order's sales channel, or {@code null}
 */
record OrderFact(
        String orderId,
        String accountId,
        long epochDay,
        boolean purchase,
        double purchased,
        double returned,
        String[] categories,
        String channel) {

    private static final String[] NONE = new String[0];

    /** Extracts the fact of an order, or returns {@code null} for an order without a customer or a date. */
    static OrderFact of(Record order, Catalog catalog, ZoneId zone) {
        Object account = order.get("accountId");
        Object orderedAt = order.get("orderedAt");
        if (!(account instanceof String accountId) || !(orderedAt instanceof Instant at)) {
            return null;
        }
        boolean cancellation = Boolean.TRUE.equals(order.get("cancellation"));

        double purchased = 0;
        double returned = 0;
        boolean hasPurchasedLine = false;
        TreeSet<String> categories = new TreeSet<>();
        for (Map<String, Object> line : lines(order)) {
            String sku = (String) line.get("sku");
            if (!catalog.isProduct(sku)) {
                continue;
            }
            long quantity = number(line.get("quantity")).longValue();
            double value = quantity * number(line.get("unitPrice")).doubleValue();
            if (quantity < 0) {
                returned -= value;
            } else if (quantity > 0 && !cancellation) {
                purchased += value;
                hasPurchasedLine = true;
                categories.add(catalog.categoryOf((String) line.get("productId"), sku));
            }
        }

        long day = LocalDate.ofInstant(at, zone).toEpochDay();
        String[] bought = categories.isEmpty() ? NONE : categories.toArray(NONE);
        return new OrderFact(order.id(), accountId, day, hasPurchasedLine, purchased, returned, bought, (String)
                order.get("channel"));
    }

    boolean isReturn() {
        return returned > 0;
    }

    LocalDate day() {
        return LocalDate.ofEpochDay(epochDay);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Record order) {
        Object lines = order.get("lines");
        return lines instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        return value == null ? 0 : new BigDecimal(value.toString());
    }
}
