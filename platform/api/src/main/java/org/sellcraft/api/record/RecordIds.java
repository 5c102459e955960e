package org.sellcraft.api.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;

/**
 * Stable record ids. A record that has a natural key gets an id derived from it, so the same invoice or the same
 * source id always lands on the same record, whichever file or batch brings it; records without one get a random
 * id.
 */
public final class RecordIds {

    // MD5 as UUID.nameUUIDFromBytes uses it, but one digest per thread: an import derives ids for every row, and
    // looking the algorithm up each time cost more than hashing.
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    });

    private RecordIds() {}

    /** Returns the id of the record of the given type whose natural key has these values, in key order. */
    public static String fromKey(String type, List<?> keyValues) {
        StringBuilder name = new StringBuilder(type);
        for (Object value : keyValues) {
            name.append('\u0000').append(value);
        }
        return nameUuid(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same name-based (version 3) UUID as {@link UUID#nameUUIDFromBytes}. */
    private static UUID nameUuid(byte[] name) {
        byte[] hash = MD5.get().digest(name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
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
