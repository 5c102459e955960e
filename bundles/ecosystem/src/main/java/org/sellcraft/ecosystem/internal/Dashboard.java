package org.sellcraft.ecosystem.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * The contribution dashboard. A joint project is shown to each of its parties whole (every party's contribution and
 * weight) and to nobody else outside the staff. The activity index of a partner counts its cooperative, on-time
 * work: work orders closed by their due time, deliveries by their promised time, documents shared with it and joint
 * projects it takes part in; each count is shown beside the index so that it can be checked.
 */
final class Dashboard {

    private final RecordService records;

    Dashboard(RecordService records) {
        this.records = records;
    }

    private static boolean staff(Caller caller) {
        return caller.partnerId() == null;
    }

    /** The joint projects the caller takes part in (all of them for staff), with every party's share. */
    List<Map<String, Object>> projects(Caller caller) {
        List<Map<String, Object>> found = new ArrayList<>();
        // Read as the platform: a party must see its partners' contributions, which the partner scope would hide.
        records.forEach(Caller.system(), EcosystemTypes.JOINT_PROJECT, project -> {
            List<Map<String, Object>> parties = parties(project);
            boolean party = parties.stream().anyMatch(p -> p.get("party").equals(caller.partnerId()));
            if (staff(caller) || party) {
                found.add(project(project, parties));
            }
        });
        found.sort(Comparator.comparing(p -> String.valueOf(p.get("code"))));
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parties(Record project) {
        Object lines = project.get("parties");
        return lines == null ? List.of() : (List<Map<String, Object>>) lines;
    }

    private static Map<String, Object> project(Record project, List<Map<String, Object>> parties) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> p : parties) {
            total = total.add(decimal(p.get("contribution")).multiply(decimal(p.get("weight"))));
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> p : parties) {
            BigDecimal weighted = decimal(p.get("contribution")).multiply(decimal(p.get("weight")));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("party", p.get("party"));
            one.put("role", p.get("role"));
            one.put("contribution", p.get("contribution"));
            one.put("weight", p.get("weight"));
            one.put(
                    "sharePct",
                    total.signum() == 0
                            ? null
                            : weighted.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP));
            shown.add(one);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", project.id());
        json.put("code", project.get("code"));
        json.put("name", project.get("name"));
        json.put("status", project.get("status"));
        json.put("parties", shown);
        return json;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return value instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO;
    }

    /**
     * The activity index of one partner, or of every partner for staff ({@code partnerId} null), highest first.
     *
     * @throws RecordNotFoundException when a partner asks for another partner
     */
    List<Map<String, Object>> activity(Caller caller, String partnerId, int limit) {
        String only = staff(caller) ? partnerId : caller.partnerId();
        if (!staff(caller) && partnerId != null && !partnerId.equals(caller.partnerId())) {
            throw new RecordNotFoundException(EcosystemTypes.PARTNER, partnerId);
        }
        Map<String, long[]> counts = new HashMap<>();
        records.forEach(Caller.system(), EcosystemTypes.WORK_ORDER, order -> {
            if (wanted(order, only) && onTime(order.get("closedAt"), order.get("dueAt"))) {
                count(counts, order, 0);
            }
        });
        records.forEach(Caller.system(), EcosystemTypes.DELIVERY, delivery -> {
            if (wanted(delivery, only)) {
                count(counts, delivery, 5);
                if (onTime(delivery.get("deliveredAt"), delivery.get("promisedAt"))) {
                    count(counts, delivery, 1);
                }
            }
        });
        records.forEach(Caller.system(), EcosystemTypes.DOCUMENT, document -> {
            if (wanted(document, only)) {
                count(counts, document, 2);
            }
        });
        records.forEach(Caller.system(), EcosystemTypes.JOINT_PROJECT, project -> {
            for (Map<String, Object> party : parties(project)) {
                String id = (String) party.get("party");
                if (only == null || only.equals(id)) {
                    counts.computeIfAbsent(id, p -> new long[6])[3]++;
                }
            }
        });
        if (only != null) {
            counts.computeIfAbsent(only, p -> new long[6]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((partner, c) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("partnerId", partner);
            row.put("workOrdersClosedOnTime", c[0]);
            row.put("deliveries", c[5]);
            row.put("deliveriesOnTime", c[1]);
            row.put("sharedDocuments", c[2]);
            row.put("jointProjects", c[3]);
            row.put("index", c[0] + c[1] + c[2] + c[3]);
            rows.add(row);
        });
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (Long) r.get("index"))
                .reversed()
                .thenComparing(r -> (String) r.get("partnerId")));
        return rows.stream().limit(limit).toList();
    }

    private static boolean wanted(Record record, String only) {
        Object partner = record.get("partnerId");
        return partner != null && (only == null || only.equals(partner));
    }

    private static void count(Map<String, long[]> counts, Record record, int slot) {
        counts.computeIfAbsent((String) record.get("partnerId"), p -> new long[6])[slot]++;
    }

    private static boolean onTime(Object done, Object due) {
        return done instanceof Instant d && due instanceof Instant u && !d.isAfter(u);
    }
}
