package org.sellcraft.store.mapdb.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the few writes the record codec needs. Unlike {@code DataOutputStream} over a
 * {@code ByteArrayOutputStream} it takes no lock per byte, which matters when an import encodes millions of values.
 */
final class ByteWriter {

    private byte[] bytes;
    private int size;

    ByteWriter(int initialCapacity) {
        this.bytes = new byte[initialCapacity];
    }

    void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    /** Writes a non-negative number in 7-bit groups: small counts and lengths take one byte. */
    void writeVarLong(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    /** Writes a signed number so that small negative values stay small (zig-zag). */
    void writeZigZag(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeBytes(byte[] data) {
        writeVarLong(data.length);
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    /** Appends bytes as they are, without a length: for values encoded once and written many times. */
    void writeRaw(byte[] data) {
        ensure(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    void writeText(String text) {
        int length = text.length();
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (!ascii) {
            writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        // ASCII is its own UTF-8: copy the characters without an intermediate array.
        writeVarLong(length);
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
