package org.sellcraft.ecosystem.internal;

import java.util.Map;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordGuard;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * Refuses a new work order for a frozen partner, however it is created: the ecosystem's endpoint, the generic
 * {@code /api/v1/work-orders}, an import or a module. Changes to existing work orders are not held up: a frozen
 * partner still closes the work it has.
 */
final class FrozenPartnerGuard implements RecordGuard {

    private final RecordService records;

    FrozenPartnerGuard(RecordService records) {
        this.records = records;
    }

    @Override
    public void check(Caller caller, RecordType type, Record current, Map<String, Object> fields) {
        if (current != null || !EcosystemTypes.WORK_ORDER.equals(type.name())) {
            return;
        }
        Object partnerId = fields.get("partnerId");
        if (partnerId == null) {
            return;
        }
        Record partner;
        try {
            partner = records.get(Caller.system(), EcosystemTypes.PARTNER, partnerId.toString());
        } catch (RecordNotFoundException e) {
            return;
        }
        if (Partners.frozen(partner)) {
            throw Partners.frozenException(partner);
        }
    }
}
