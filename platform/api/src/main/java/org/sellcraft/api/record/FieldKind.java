package org.sellcraft.api.record;

/** The kind of value a field holds, which decides how it is parsed, validated, stored and compared. */
public enum FieldKind {
    TEXT,
    INTEGER,
    DECIMAL,
    DATE,
    DATETIME,
    BOOLEAN,
    /** The id of another record; {@link FieldDef#referenceType()} names its type. */
    REFERENCE,
    /** An ordered list of parts (for example the lines of an order), each described by {@link FieldDef#parts()}. */
    LINES
}
