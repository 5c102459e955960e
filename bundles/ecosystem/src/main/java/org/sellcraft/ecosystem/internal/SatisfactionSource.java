package org.sellcraft.ecosystem.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sellcraft.api.automation.FactSource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * Each service provider's satisfaction over a period, for the satisfaction clause. A survey answers for an order,
 * not for a partner: it counts for every partner with a work order in that order (an order shipped by two sellers
 * counts for both), in the period the order was placed. Satisfaction is the share of surveys scoring 4 or 5.
 */
final class SatisfactionSource implements FactSource {

    static final String NAME = "partner-monthly-satisfaction";
    private static final int SATISFIED_FROM = 4;

    private final RecordService records;

    SatisfactionSource(RecordService records) {
        this.records = records;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Object>> facts(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();

        Set<String> ordersInPeriod = new LinkedHashSet<>();
        records.forEach(Caller.system(), EcosystemTypes.DELIVERY, delivery -> {
            if (delivery.get("purchasedAt") instanceof Instant at && !at.isBefore(start) && at.isBefore(end)) {
                ordersInPeriod.add((String) delivery.get("orderId"));
            }
        });
        Map<String, Set<String>> partnersByOrder = new HashMap<>();
        records.forEach(Caller.system(), EcosystemTypes.WORK_ORDER, order -> {
            String orderId = (String) order.get("orderId");
            if (ordersInPeriod.contains(orderId) && order.get("partnerId") != null) {
                partnersByOrder
                        .computeIfAbsent(orderId, o -> new LinkedHashSet<>())
                        .add((String) order.get("partnerId"));
            }
        });
        Map<String, int[]> byPartner = new TreeMap<>();
        records.forEach(Caller.system(), EcosystemTypes.SURVEY, survey -> {
            Set<String> partners = partnersByOrder.get((String) survey.get("orderId"));
            if (partners == null) {
                return;
            }
            boolean satisfied = ((Number) survey.get("score")).intValue() >= SATISFIED_FROM;
            for (String partner : partners) {
                int[] counts = byPartner.computeIfAbsent(partner, p -> new int[2]);
                counts[0]++;
                counts[1] += satisfied ? 1 : 0;
            }
        });

        String period = from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1))
                ? from.toString().substring(0, 7)
                : from + ".." + to;
        List<Map<String, Object>> facts = new ArrayList<>();
        byPartner.forEach((partner, counts) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("subject", partner);
            one.put("partnerId", partner);
            one.put("month", period);
            one.put("surveys", counts[0]);
            one.put("satisfied", counts[1]);
            one.put("satisfaction", counts[1] / (double) counts[0]);
            one.put(
                    "satisfactionPct",
                    BigDecimal.valueOf(counts[1] * 100.0 / counts[0]).setScale(1, RoundingMode.HALF_UP));
            facts.add(one);
        });
        return facts;
    }
}
