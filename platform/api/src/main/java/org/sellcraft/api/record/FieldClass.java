package org.sellcraft.api.record;

/**
 * How sensitive a field is. The access policy decides per role which classes a caller may see; a field the caller
 * may not see is absent from every response.
 */
public enum FieldClass {
    /** Anyone who may see the record may see the field. */
    PUBLIC,
    /** Staff of the company, not partners. */
    INTERNAL,
    /** Personal data such as a contact's phone or e-mail; masked for analysts. */
    SENSITIVE,
    /** Commercial secrets such as cost price and margin; hidden from reps and partners. */
    SECRET
}
