package org.sellcraft.store.mapdb.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sellcraft.api.record.Record;

/**
 * Turns records into compact bytes and back. A hand-written format rather than Java serialization: it is several
 * times smaller and faster, and it does not depend on class names, so a record written by one version of a bundle
 * is read by the next. Numbers and lengths are variable-length, so a typical order line takes about 60 bytes.
 */
final class RecordCodec {

    private static final byte FORMAT = 2;

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte LONG = 2;
    private static final byte DECIMAL = 3;
    private static final byte DATE = 4;
    private static final byte INSTANT = 5;
    private static final byte FALSE = 6;
    private static final byte TRUE = 7;
    private static final byte LINES = 8;

    // Field names repeat on every record and every order line: each is encoded once, as writeText would.
    private static final Map<String, byte[]> NAMES = new ConcurrentHashMap<>();

    private RecordCodec() {}

    static byte[] encode(Record record) {
        ByteWriter out = new ByteWriter(128);
        out.writeByte(FORMAT);
        out.writeText(record.type());
        out.writeText(record.id());
        out.writeVarLong(record.version());
        out.writeZigZag(record.createdAt().toEpochMilli());
        out.writeZigZag(record.updatedAt().toEpochMilli());
        writeFields(out, record.fields());
        return out.toByteArray();
    }

    static Record decode(byte[] data) {
        ByteReader in = new ByteReader(data);
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IllegalStateException("Unknown record format " + format);
        }
        String type = in.readText();
        String id = in.readText();
        long version = in.readVarLong();
        Instant created = Instant.ofEpochMilli(in.readZigZag());
        Instant updated = Instant.ofEpochMilli(in.readZigZag());
        return new Record(type, id, version, created, updated, readFields(in));
    }

    private static void writeFields(ByteWriter out, Map<String, Object> fields) {
        out.writeVarLong(fields.size());
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            out.writeRaw(NAMES.computeIfAbsent(field.getKey(), RecordCodec::encodedName));
            writeValue(out, field.getValue());
        }
    }

    private static byte[] encodedName(String name) {
        ByteWriter out = new ByteWriter(name.length() + 2);
        out.writeText(name);
        return out.toByteArray();
    }

    private static Map<String, Object> readFields(ByteReader in) {
        int count = in.readLength();
        Map<String, Object> fields = new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            fields.put(in.readText(), readValue(in));
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(ByteWriter out, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            out.writeText(text);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeZigZag(number);
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            out.writeZigZag(decimal.scale());
            out.writeBytes(decimal.unscaledValue().toByteArray());
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeZigZag(date.toEpochDay());
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeZigZag(instant.getEpochSecond());
            out.writeVarLong(instant.getNano());
        } else if (value instanceof Boolean flag) {
            out.writeByte(flag ? TRUE : FALSE);
        } else if (value instanceof List<?> lines) {
            out.writeByte(LINES);
            out.writeVarLong(lines.size());
            for (Object line : lines) {
                writeFields(out, (Map<String, Object>) line);
            }
        } else {
            throw new IllegalArgumentException("Cannot store a value of " + value.getClass());
        }
    }

    private static Object readValue(ByteReader in) {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> in.readText();
            case LONG -> in.readZigZag();
            case DECIMAL -> readDecimal(in);
            case DATE -> LocalDate.ofEpochDay(in.readZigZag());
            case INSTANT -> Instant.ofEpochSecond(in.readZigZag(), in.readVarLong());
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case LINES -> readLines(in);
            default -> throw new IllegalStateException("Unknown value tag " + tag);
        };
    }

    private static BigDecimal readDecimal(ByteReader in) {
        int scale = Math.toIntExact(in.readZigZag());
        return new BigDecimal(new BigInteger(in.readBytes()), scale);
    }

    private static List<Map<String, Object>> readLines(ByteReader in) {
        int count = in.readLength();
        List<Map<String, Object>> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(readFields(in));
        }
        return lines;
    }
}
