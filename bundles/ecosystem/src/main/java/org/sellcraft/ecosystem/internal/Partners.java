package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * A partner's standing and what follows from it: freezing and unfreezing new work orders, and opening a work order,
 * which a frozen partner is refused. Clauses act through here as the platform; people open work orders as
 * themselves.
 */
final class Partners {

    private final RecordService records;
    private final Clock clock;

    Partners(RecordService records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    Record partner(String id) {
        return records.get(Caller.system(), EcosystemTypes.PARTNER, id);
    }

    static boolean frozen(Record partner) {
        return EcosystemTypes.FROZEN.equals(partner.get("status"));
    }

    /** The refusal of a new work order for a frozen partner, with the reason and since when. */
    static PartnerFrozenException frozenException(Record partner) {
        return new PartnerFrozenException(
                partner.id(),
                String.valueOf(partner.get("name")),
                (String) partner.get("frozenReasonEn"),
                (String) partner.get("frozenReasonZh"),
                (java.time.Instant) partner.get("frozenSince"));
    }

    /**
     * Freezes a partner's new work orders.
     *
     * @param code why, as a short code, so that only the clause that froze a partner lifts it
     * @return whether the partner was active before
     */
    synchronized boolean freeze(String partnerId, String code, String reasonEn, String reasonZh, String by) {
        Record partner = partner(partnerId);
        if (frozen(partner)) {
            return false;
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("status", EcosystemTypes.FROZEN);
        changes.put("frozenCode", code);
        changes.put("frozenReasonEn", reasonEn);
        changes.put("frozenReasonZh", reasonZh);
        changes.put("frozenSince", clock.instant());
        changes.put("frozenBy", by);
        records.update(Caller.system(), EcosystemTypes.PARTNER, partnerId, partner.version(), changes);
        return true;
    }

    /**
     * Lifts a freeze imposed for {@code code}; a freeze for another reason stays.
     *
     * @return whether the partner was frozen for that reason
     */
    synchronized boolean unfreeze(String partnerId, String code) {
        Record partner = partner(partnerId);
        if (!frozen(partner) || !code.equals(partner.get("frozenCode"))) {
            return false;
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("status", EcosystemTypes.ACTIVE);
        changes.put("frozenCode", null);
        changes.put("frozenReasonEn", null);
        changes.put("frozenReasonZh", null);
        changes.put("frozenSince", null);
        changes.put("frozenBy", null);
        records.update(Caller.system(), EcosystemTypes.PARTNER, partnerId, partner.version(), changes);
        return true;
    }

    /**
     * Opens a work order for a partner. Staff open orders for any partner; a partner's own users only for their
     * organisation.
     *
     * @throws PartnerFrozenException when a clause froze the partner's new work orders
     * @throws AccessDeniedException when the caller may not open orders for this partner
     */
    Record openWorkOrder(Caller caller, String partnerId, Map<String, Object> fields) {
        boolean own = partnerId.equals(caller.partnerId());
        boolean staff = caller.isSystem() || caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.MANAGER);
        if (!own && !staff) {
            throw new AccessDeniedException("You may open work orders only for your own organisation");
        }
        Record partner = partner(partnerId);
        if (frozen(partner)) {
            throw frozenException(partner);
        }
        if (fields.get("orderId") == null) {
            throw new ValidationException("orderId", null, "is required");
        }
        Map<String, Object> order = new LinkedHashMap<>(fields);
        order.put("partnerId", partnerId);
        order.putIfAbsent("itemNo", 1);
        order.putIfAbsent("status", "open");
        order.putIfAbsent("kind", PartnerWorkOrderGuard.REPAIR);
        if (!staff) {
            PartnerWorkOrderGuard.checkNew(order.get("kind"));
        }
        // Partner roles read only through the policy; their own orders are opened on their behalf once checked above.
        return records.create(staff ? caller : Caller.system(), EcosystemTypes.WORK_ORDER, order);
    }
}
