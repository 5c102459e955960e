package org.sellcraft.ecosystem.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordGuard;
import org.sellcraft.api.service.RecordRefusedException;

/**
 * What a partner's own users may do to work orders, beyond what the access policy lets their role touch: open a
 * repair order and open or close one, nothing else. Prices, due dates and the order's partner stay as staff set
 * them. Staff and the platform are not limited here.
 */
final class PartnerWorkOrderGuard implements RecordGuard {

    static final String REPAIR = "repair";
    private static final Set<String> OPEN_AND_CLOSE = Set.of("status", "closedAt");

    @Override
    public void check(Caller caller, RecordType type, Record current, Map<String, Object> fields) {
        if (caller.partnerId() == null || !EcosystemTypes.WORK_ORDER.equals(type.name())) {
            return;
        }
        if (current == null) {
            checkNew(fields.get("kind"));
            return;
        }
        if (!REPAIR.equals(current.get("kind"))) {
            throw new RecordRefusedException(
                    "kind", String.valueOf(current.get("kind")), "Partners may change only repair work orders", null);
        }
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(fields.keySet());
        names.addAll(current.fields().keySet());
        for (String name : names) {
            if (!Objects.equals(fields.get(name), current.get(name)) && !OPEN_AND_CLOSE.contains(name)) {
                changed.add(name);
            }
        }
        if (!changed.isEmpty()) {
            throw new RecordRefusedException(
                    changed.iterator().next(),
                    null,
                    "Partners may only open and close a repair work order, not change " + changed,
                    null);
        }
    }

    /**
     * Refuses a partner's new work order that is not a repair.
     *
     * @param kind the order's kind, {@code null} when not given
     */
    static void checkNew(Object kind) {
        if (!REPAIR.equals(kind)) {
            throw new RecordRefusedException(
                    "kind",
                    kind == null ? null : kind.toString(),
                    "Partners may open only repair work orders (kind 'repair')",
                    null);
        }
    }
}
