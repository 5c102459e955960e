package org.sellcraft.core.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.api.store.RecordStore;

/**
 * Refuses references to records that do not exist, so that no deal names a rep and no order line a product that is
 * not there. One instance serves one transaction: records the transaction itself writes count as existing, and each
 * referenced record is looked up once.
 */
final class References {

    private final RecordStore store;
    private final RecordTypeRegistry types;
    private final Map<String, Set<String>> existing = new HashMap<>();

    References(RecordStore store, RecordTypeRegistry types) {
        this.store = store;
        this.types = types;
    }

    /** Counts a record of the same transaction as existing. */
    void written(String type, String id) {
        existing.computeIfAbsent(type, t -> new HashSet<>()).add(id);
    }

    /**
     * Checks every reference among the values, those of order lines included.
     *
     * @param prefix what goes before a field's name in an error, such as {@code rows[3].}
     * @throws ValidationException naming the field and the id that points nowhere
     */
    void require(RecordType type, Map<String, Object> values, String prefix) {
        for (FieldDef def : type.fields()) {
            Object value = values.get(def.name());
            if (def.kind() == FieldKind.REFERENCE) {
                check(def, value, () -> prefix + def.name());
            } else if (def.kind() == FieldKind.LINES && value instanceof List<?> lines) {
                requireInLines(def, lines, prefix);
            }
        }
    }

    private void requireInLines(FieldDef def, List<?> lines, String prefix) {
        for (FieldDef part : def.parts()) {
            if (part.kind() != FieldKind.REFERENCE) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                int line = i;
                if (lines.get(i) instanceof Map<?, ?> values) {
                    check(part, values.get(part.name()), () -> prefix + def.name() + "[" + line + "]." + part.name());
                }
            }
        }
    }

    // An owner is a person: managers own the records they create as reps do, so a rep reference takes a manager too.
    private boolean ownedByAManager(String target, String id) {
        return SalesTypes.REP.equals(target)
                && store.get(SalesTypes.MANAGER, id).isPresent();
    }

    private void check(FieldDef def, Object value, Supplier<String> field) {
        String target = def.referenceType();
        // A type that no installed module defines cannot be checked; its module checks it when it comes back.
        if (value == null || target == null || types.byName(target).isEmpty()) {
            return;
        }
        String id = value.toString();
        Set<String> known = existing.computeIfAbsent(target, t -> new HashSet<>());
        if (known.contains(id)) {
            return;
        }
        if (store.get(target, id).isEmpty() && !ownedByAManager(target, id)) {
            throw new ValidationException(field.get(), id, "points to no " + target + " with this id");
        }
        known.add(id);
    }
}
