package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * The actions contract clauses take: freeze and unfreeze a partner's new work orders, send a partner a learning
 * pack, hold payment approval for a delivery and mark the schedule it affects, offer a contractor work for idle
 * equipment.
 */
final class EcosystemActions {

    private EcosystemActions() {}

    static List<ActionHandler> all(RecordService records, Partners partners, Clock clock) {
        return List.of(
                new IdleEquipmentOffer(records, clock),
                new SimpleAction("freeze-partner", List.of("partner", "code", "reasonEn", "reasonZh"), (p, dry) -> {
                    String line = "freeze new work orders of partner " + p.get("partner") + ": " + p.get("reasonEn");
                    if (dry) {
                        return line;
                    }
                    boolean changed = partners.freeze(
                            p.get("partner"),
                            p.get("code"),
                            p.get("reasonEn"),
                            p.get("reasonZh"),
                            p.getOrDefault("rule", "contract"));
                    return changed ? line : line + " (already frozen)";
                }),
                new SimpleAction("unfreeze-partner", List.of("partner", "code"), (p, dry) -> {
                    String line = "unfreeze new work orders of partner " + p.get("partner");
                    if (dry) {
                        return line;
                    }
                    return partners.unfreeze(p.get("partner"), p.get("code")) ? line : line + " (was not frozen)";
                }),
                new SimpleAction("send-pack", List.of("partner", "title"), (p, dry) -> {
                    String line = "send '" + p.get("title") + "' to partner " + p.get("partner");
                    if (!dry) {
                        records.create(
                                Caller.system(),
                                EcosystemTypes.DOCUMENT,
                                Map.of(
                                        "partnerId", p.get("partner"),
                                        "title", p.get("title"),
                                        "kind", "learning-pack",
                                        "sharedAt", clock.instant()));
                    }
                    return line;
                }),
                new SimpleAction("hold-payment", List.of("delivery", "reason"), (p, dry) -> {
                    String line = "hold payment approval of delivery " + p.get("delivery") + ": " + p.get("reason");
                    if (!dry) {
                        change(
                                records,
                                p.get("delivery"),
                                Map.of("paymentHold", true, "paymentHoldReason", p.get("reason")));
                    }
                    return line;
                }),
                new SimpleAction("mark-schedule", List.of("delivery"), (p, dry) -> {
                    String line = "mark the schedule of delivery " + p.get("delivery") + " as affected";
                    if (!dry) {
                        change(records, p.get("delivery"), Map.of("scheduleAffected", true));
                    }
                    return line;
                }));
    }

    private static void change(RecordService records, String deliveryId, Map<String, Object> changes) {
        Record delivery = records.get(Caller.system(), EcosystemTypes.DELIVERY, deliveryId);
        records.update(
                Caller.system(), EcosystemTypes.DELIVERY, deliveryId, delivery.version(), new HashMap<>(changes));
    }
}
