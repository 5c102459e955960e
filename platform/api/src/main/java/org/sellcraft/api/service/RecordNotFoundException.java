package org.sellcraft.api.service;

/** No record of that type has that id (or the caller may not know it exists). */
public class RecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String type, String id) {
        super("No " + type + " with id '" + id + "'");
    }
}
