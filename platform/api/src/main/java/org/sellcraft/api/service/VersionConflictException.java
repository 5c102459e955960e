package org.sellcraft.api.service;

/** Someone else saved the record first, or a record with the same natural key exists. */
public class VersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public VersionConflictException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** The version stored now, or 0 when the record no longer exists. */
    public long currentVersion() {
        return currentVersion;
    }
}
