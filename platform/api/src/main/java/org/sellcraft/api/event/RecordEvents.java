package org.sellcraft.api.event;

/**
 * Event Admin topics and properties of record changes. A change is published after its transaction committed:
 * {@code org/sellcraft/record/<type>/CREATED}, {@code .../UPDATED} or {@code .../DELETED}. Subscribe to
 * {@code org/sellcraft/record/order/*} to hear of every order change.
 */
public final class RecordEvents {

    public static final String TOPIC_PREFIX = "org/sellcraft/record/";
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    /** Property: the record type's name. */
    public static final String TYPE = "type";
    /** Property: the record's id. */
    public static final String ID = "id";
    /** Property: the record's new version (0 after a delete). */
    public static final String VERSION = "version";
    /** Property: the user id of the caller that made the change. */
    public static final String ACTOR = "actor";

    private RecordEvents() {}

    /** Returns the topic of an action on a type. */
    public static String topic(String type, String action) {
        return TOPIC_PREFIX + type + "/" + action;
    }
}
