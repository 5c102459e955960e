package org.sellcraft.api.service;

/** No installed module defines this record type or collection. */
public class UnknownTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownTypeException(String name) {
        super("Unknown record type '" + name + "': no installed module defines it");
    }
}
