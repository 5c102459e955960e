package org.sellcraft.api.module;

import java.util.List;

/** A module operation that was refused or failed; the message says why in words an administrator understands. */
public class ModuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the operation did not happen. */
    public enum Reason {
        /** No Sellcraft module or edition has that name. */
        UNKNOWN,
        /** Installed modules need the module; {@link #dependants()} names them. */
        REQUIRED,
        /** The module is not installed, so it cannot be uninstalled or updated. */
        NOT_INSTALLED,
        /** Another module operation is running; operations run one at a time. */
        BUSY,
        /** The feature service failed; the message carries its reason. */
        FAILED
    }

    private final Reason reason;
    private final List<String> dependants;

    public ModuleException(Reason reason, String message, List<String> dependants, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.dependants = List.copyOf(dependants);
    }

    public ModuleException(Reason reason, String message) {
        this(reason, message, List.of(), null);
    }

    public Reason reason() {
        return reason;
    }

    /** The installed modules that need the module, when the reason is {@link Reason#REQUIRED}. */
    public List<String> dependants() {
        return dependants;
    }
}
