package org.sellcraft.api.security;

/** The caller may not take this action on this record or type. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public AccessDeniedException(String message) {
        this(null, message);
    }

    /**
     * A refusal caused by the value of one field, such as a reference to a record the caller may not see.
     *
     * @param field the name of the field, as the caller sent it
     * @param message what the caller may not do
     * @since 1.3
     */
    public AccessDeniedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * Returns the field whose value was refused.
     *
     * @return the field's name, or {@code null} when the refusal is about the action or the type as a whole
     * @since 1.3
     */
    public String field() {
        return field;
    }
}
