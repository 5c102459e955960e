package org.sellcraft.store.mapdb.internal;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote. */
final class ByteReader {

    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    byte readByte() {
        return bytes[position++];
    }

    long readVarLong() {
        long value = 0;
        int shift = 0;
        byte next;
        do {
            next = bytes[position++];
            value |= (long) (next & 0x7F) << shift;
            shift += 7;
        } while ((next & 0x80) != 0);
        return value;
    }

    long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    int readLength() {
        return Math.toIntExact(readVarLong());
    }

    byte[] readBytes() {
        int length = readLength();
        byte[] data = new byte[length];
        System.arraycopy(bytes, position, data, 0, length);
        position += length;
        return data;
    }

    String readText() {
        int length = readLength();
        String text = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return text;
    }
}
