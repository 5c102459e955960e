package org.sellcraft.ecosystem.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sellcraft.api.automation.FactSource;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * How long each contractor's machine has stood idle, for the idle-equipment clause. A day counts as idle when its
 * usage record says the machine was idle more than 65% of it; the run of idle days ends at the last day of the
 * period and goes back as long as every day is idle. A day without a usage record breaks the run: nothing is known
 * about it. Only equipment with a usage record on the last day of the period has facts.
 */
final class IdleEquipmentSource implements FactSource {

    static final String NAME = "equipment-idle";
    static final double IDLE_ABOVE = 0.65;

    private final RecordService records;

    IdleEquipmentSource(RecordService records) {
        this.records = records;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Object>> facts(LocalDate from, LocalDate to) {
        LocalDate last = to.minusDays(1);
        Map<String, Map<LocalDate, BigDecimal>> idleByEquipment = new HashMap<>();
        records.forEach(Caller.system(), EcosystemTypes.EQUIPMENT_USAGE, usage -> {
            LocalDate day = (LocalDate) usage.get("day");
            if (day != null && !day.isAfter(last)) {
                idleByEquipment
                        .computeIfAbsent((String) usage.get("equipmentId"), e -> new HashMap<>())
                        .put(day, (BigDecimal) usage.get("idleShare"));
            }
        });

        Map<String, Map<String, Object>> byEquipment = new TreeMap<>();
        records.forEach(Caller.system(), EcosystemTypes.EQUIPMENT, equipment -> {
            Map<LocalDate, BigDecimal> days = idleByEquipment.getOrDefault(equipment.id(), Map.of());
            if (days.containsKey(last)) {
                byEquipment.put(equipment.id(), facts(equipment, days, last));
            }
        });
        return new ArrayList<>(byEquipment.values());
    }

    private static Map<String, Object> facts(Record equipment, Map<LocalDate, BigDecimal> days, LocalDate last) {
        int inARow = 0;
        for (LocalDate day = last; idle(days.get(day)); day = day.minusDays(1)) {
            inARow++;
        }
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("subject", equipment.id());
        one.put("equipmentId", equipment.id());
        one.put("equipmentCode", equipment.get("code"));
        one.put("equipmentName", equipment.get("name"));
        one.put("partnerId", equipment.get("partnerId"));
        one.put("regionId", equipment.get("regionId"));
        one.put("day", last);
        one.put("idleShare", days.get(last).doubleValue());
        one.put("idlePct", days.get(last).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP));
        one.put("idleDaysInARow", inARow);
        one.put("idleSince", inARow == 0 ? null : last.minusDays(inARow - 1L));
        return one;
    }

    private static boolean idle(BigDecimal share) {
        return share != null && share.doubleValue() > IDLE_ABOVE;
    }
}
