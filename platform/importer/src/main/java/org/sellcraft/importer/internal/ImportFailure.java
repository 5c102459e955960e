package org.sellcraft.importer.internal;

/** A job cannot go on because of its file or mapping; the message is meant for the person who started it. */
final class ImportFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ImportFailure(String message) {
        super(message);
    }

    ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
