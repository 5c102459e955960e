package org.sellcraft.api.security;

/** What a caller does to a record. */
public enum Action {
    READ,
    CREATE,
    UPDATE,
    DELETE
}
