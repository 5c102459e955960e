package org.sellcraft.api.record;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Stable record ids. A record that has a natural key gets an id derived from it, so the same invoice or the same
 * source id always lands on the same record, whichever file or batch brings it; records without one get a random
 * id.
 */
public final class RecordIds {

    private RecordIds() {}

    /** Returns the id of the record of the given type whose natural key has these values, in key order. */
    public static String fromKey(String type, List<?> keyValues) {
        StringBuilder name = new StringBuilder(type);
        for (Object value : keyValues) {
            name.append('\u0000').append(value);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Returns the id of the record of the given type whose single-field natural key is {@code key}. */
    public static String fromKey(String type, Object key) {
        return fromKey(type, List.of(key));
    }

    /** Returns a new random id. */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
