package org.sellcraft.health.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthPoint;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.sales.SalesTypes;

/**
 * What the engine keeps across restarts and reinstalls, one {@code health-snapshot} record per customer: the
 * settled score and band that alerts compare with, the last alert with who first looked at it, and the recorded
 * history. Scores themselves are recomputed from orders at every start.
 *
 * <p>An upsert cannot clear a field, so a new alert does not erase the previous first look; a first look older
 * than the alert belongs to an earlier alert and is ignored when read back.
 */
final class Snapshots {

    /** Event topics carry the type's name, and Event Admin accepts only letters, digits, {@code -} and {@code _}. */
    static final String TYPE_NAME = "health-snapshot";

    static final RecordType TYPE = new RecordType(
            TYPE_NAME,
            "health-snapshots",
            "Customer health snapshot",
            "客户健康快照",
            List.of(
                    field("accountId", FieldKind.REFERENCE)
                            .references(SalesTypes.ACCOUNT)
                            .required()
                            .filterable()
                            .build(),
                    field("score", FieldKind.INTEGER).filterable().build(),
                    field("band", FieldKind.TEXT).filterable().build(),
                    field("asOf", FieldKind.DATE).build(),
                    field("alertAt", FieldKind.DATETIME).filterable().build(),
                    field("alertScore", FieldKind.INTEGER).build(),
                    field("alertBand", FieldKind.TEXT).build(),
                    field("alertPreviousBand", FieldKind.TEXT).build(),
                    field("alertValueAtStake", FieldKind.DECIMAL)
                            .classed(FieldClass.INTERNAL)
                            .build(),
                    field("alertReasonEn", FieldKind.TEXT).build(),
                    field("alertReasonZh", FieldKind.TEXT).build(),
                    field("firstSeenAt", FieldKind.DATETIME).build(),
                    field("firstSeenBy", FieldKind.TEXT).build(),
                    field("history", FieldKind.LINES)
                            .parts(
                                    field("day", FieldKind.DATE).required().build(),
                                    field("score", FieldKind.INTEGER).required().build(),
                                    field("band", FieldKind.TEXT).required().build())
                            .build()),
            List.of("accountId"));

    private Snapshots() {}

    /** Returns the row that stores a customer's snapshot. */
    static Map<String, Object> row(CustomerState state) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accountId", state.accountId);
        HealthPoint settled = state.lastRecorded;
        if (settled != null) {
            row.put("score", (long) settled.score());
            row.put("band", settled.band().id());
            row.put("asOf", settled.day());
        }
        HealthAlert alert = state.alert();
        if (alert != null) {
            row.put("alertAt", alert.raisedAt());
            row.put("alertScore", (long) alert.score());
            row.put("alertBand", alert.band().id());
            row.put("alertPreviousBand", alert.previousBand().id());
            row.put("alertValueAtStake", BigDecimal.valueOf(alert.valueAtStake()));
            row.put("alertReasonEn", alert.reason().en());
            row.put("alertReasonZh", alert.reason().zh());
            if (alert.firstSeenAt() != null) {
                row.put("firstSeenAt", alert.firstSeenAt());
                row.put("firstSeenBy", alert.firstSeenBy());
            }
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (HealthPoint point : state.recorded) {
            Map<String, Object> line = new HashMap<>();
            line.put("day", point.day());
            line.put("score", (long) point.score());
            line.put("band", point.band().id());
            history.add(line);
        }
        if (!history.isEmpty()) {
            row.put("history", history);
        }
        return row;
    }

    /** Restores what a stored snapshot remembers into a customer's state. */
    static void restore(Record snapshot, CustomerState state) {
        state.recorded.clear();
        for (Map<String, Object> line : lines(snapshot.get("history"))) {
            state.recorded.add(new HealthPoint(
                    (LocalDate) line.get("day"), ((Number) line.get("score")).intValue(), HealthBand.of((String)
                            line.get("band"))));
        }
        if (snapshot.get("band") instanceof String band) {
            state.settledBand = HealthBand.of(band);
            state.lastRecorded = new HealthPoint(
                    (LocalDate) snapshot.get("asOf"), ((Number) snapshot.get("score")).intValue(), state.settledBand);
        }
        if (snapshot.get("alertAt") instanceof Instant raisedAt) {
            state.alert(alert(snapshot, state, raisedAt));
        }
    }

    private static HealthAlert alert(Record snapshot, CustomerState state, Instant raisedAt) {
        Instant seenAt = (Instant) snapshot.get("firstSeenAt");
        boolean seenThisAlert = seenAt != null && !seenAt.isBefore(raisedAt);
        Object value = snapshot.get("alertValueAtStake");
        return new HealthAlert(
                state.accountId,
                state.account().code(),
                raisedAt,
                ((Number) snapshot.get("alertScore")).intValue(),
                HealthBand.of((String) snapshot.get("alertBand")),
                HealthBand.of((String) snapshot.get("alertPreviousBand")),
                value == null ? 0 : ((Number) value).doubleValue(),
                new Text(String.valueOf(snapshot.get("alertReasonEn")), String.valueOf(snapshot.get("alertReasonZh"))),
                seenThisAlert ? seenAt : null,
                seenThisAlert ? (String) snapshot.get("firstSeenBy") : null,
                true);
    }

    /** The reason an alert names: the score's main reason. */
    static Text reasonOf(HealthScore score) {
        return score.reasons().isEmpty() ? score.summary() : score.reasons().get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
