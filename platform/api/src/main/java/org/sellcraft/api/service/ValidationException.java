package org.sellcraft.api.service;

/** A value is missing or invalid. Carries the field, the offending value and the reason, for a clear error. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String reason;

    public ValidationException(String field, String value, String reason) {
        super(describe(field, value, reason));
        this.field = field;
        this.value = value;
        this.reason = reason;
    }

    private static String describe(String field, String value, String reason) {
        String where = field == null ? "" : "Field '" + field + "': ";
        String what = value == null ? "" : " (value '" + value + "')";
        return where + reason + what;
    }

    /** The field's name, or {@code null} when the problem is not about one field. */
    public String field() {
        return field;
    }

    /** The offending value as text, shortened, or {@code null}. */
    public String value() {
        return value;
    }

    /** Why the value was refused. */
    public String reason() {
        return reason;
    }
}
