package org.sellcraft.api.security;

/** The caller may not take this action on this record or type. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
