package org.sellcraft.api.service;

import java.util.Map;

/**
 * A {@link RecordGuard} refused a write: the values are valid, but the business does not allow this record now, for
 * example a new work order for a partner whose new orders are frozen. The REST layer answers 409 with the reason and
 * the details; an import rejects the row with the reason.
 */
public class RecordRefusedException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> details;

    /**
     * @param field the field the refusal is about, or {@code null}
     * @param value its value as text, or {@code null}
     * @param reason why, in one sentence a user can act on
     * @param details further facts for the client, such as a reason in another language or a date
     */
    public RecordRefusedException(String field, String value, String reason, Map<String, Object> details) {
        super(field, value, reason);
        this.details = details == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** Further facts about the refusal, for the client; never {@code null}. */
    public Map<String, Object> details() {
        return details;
    }

    /** Returns the same refusal about the field at a path, such as {@code rows[3].partnerId}. */
    public RecordRefusedException at(String path) {
        return new RecordRefusedException(path, value(), reason(), details);
    }
}
