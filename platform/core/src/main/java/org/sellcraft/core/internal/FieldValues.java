package org.sellcraft.core.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.service.ValidationException;

/**
 * Converts incoming values (as JSON or an importer brings them) into the kinds their fields declare, and refuses
 * what does not fit with the field, the value and the reason.
 */
final class FieldValues {

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_SHOWN = 80;

    private FieldValues() {}

    /** Converts all given fields of a type; unknown fields are refused. */
    static Map<String, Object> convert(RecordType type, Map<String, ?> raw) {
        Map<String, FieldDef> defs = type.fieldsByName();
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            FieldDef def = defs.get(entry.getKey());
            if (def == null) {
                throw new ValidationException(
                        entry.getKey(), null, "is not a field of " + type.name() + "; fields are " + defs.keySet());
            }
            converted.put(def.name(), convert(def, def.name(), entry.getValue()));
        }
        return converted;
    }

    /** Refuses a record that lacks a required value. */
    static void checkRequired(RecordType type, Map<String, Object> fields) {
        for (FieldDef def : type.fields()) {
            if (def.required() && fields.get(def.name()) == null) {
                throw new ValidationException(def.name(), null, "is required");
            }
        }
    }

    /** Converts a filter's text to the field's kind, so that it compares like stored values. */
    static Object convertFilterValue(FieldDef def, String text) {
        return convert(def, def.name(), text);
    }

    static Object convert(FieldDef def, String path, Object value) {
        if (value == null || (value instanceof String text && text.isEmpty() && def.kind() != FieldKind.TEXT)) {
            return null;
        }
        try {
            Object converted =
                    switch (def.kind()) {
                        case TEXT, REFERENCE -> toText(path, value);
                        case INTEGER -> toLong(value);
                        case DECIMAL -> toDecimal(value);
                        case DATE -> toDate(value);
                        case DATETIME -> toInstant(value);
                        case BOOLEAN -> toBoolean(value);
                        case LINES -> toLines(def, path, value);
                    };
            checkAllowed(def, path, converted);
            return converted;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException | ClassCastException e) {
            throw new ValidationException(path, shown(value), "is not a valid " + describe(def.kind()));
        }
    }

    private static String toText(String path, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new ClassCastException();
        }
        String text = value.toString();
        if (text.length() > MAX_TEXT) {
            throw new ValidationException(path, null, "is longer than " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static Long toLong(Object value) {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return toDecimal(value).longValueExact();
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            return new BigDecimal(text.trim());
        }
        throw new ClassCastException();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof String text) {
            return LocalDate.parse(text.trim());
        }
        throw new ClassCastException();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            String trimmed = text.trim();
            try {
                return OffsetDateTime.parse(trimmed).toInstant();
            } catch (DateTimeParseException notOffset) {
                // A time without zone is taken as UTC, as the imported sources write it.
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            }
        }
        throw new ClassCastException();
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String text) {
            String lower = text.trim().toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.valueOf(lower);
            }
        }
        throw new ClassCastException();
    }

    private static List<Map<String, Object>> toLines(FieldDef def, String path, Object value) {
        if (!(value instanceof List<?> items)) {
            throw new ClassCastException();
        }
        Map<String, FieldDef> parts = new LinkedHashMap<>();
        def.parts().forEach(p -> parts.put(p.name(), p));
        List<Map<String, Object>> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new ValidationException(path + "[" + i + "]", null, "must be an object");
            }
            try {
                lines.add(toLine(parts, item));
            } catch (ValidationException e) {
                // An order holds many lines: the line's path is spelled out only when one of them is refused.
                throw new ValidationException(path + "[" + i + "]." + e.field(), e.value(), e.reason());
            }
        }
        return lines;
    }

    private static Map<String, Object> toLine(Map<String, FieldDef> parts, Map<?, ?> item) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : item.entrySet()) {
            String name = String.valueOf(entry.getKey());
            FieldDef part = parts.get(name);
            if (part == null) {
                throw new ValidationException(name, null, "is not a part of a line; parts are " + parts.keySet());
            }
            line.put(name, convert(part, name, entry.getValue()));
        }
        for (FieldDef part : parts.values()) {
            if (part.required() && line.get(part.name()) == null) {
                throw new ValidationException(part.name(), null, "is required");
            }
        }
        return line;
    }

    private static void checkAllowed(FieldDef def, String path, Object converted) {
        if (!def.allowedValues().isEmpty()
                && converted != null
                && !def.allowedValues().contains(converted)) {
            throw new ValidationException(path, shown(converted), "must be one of " + def.allowedValues());
        }
    }

    private static String describe(FieldKind kind) {
        return switch (kind) {
            case TEXT, REFERENCE -> "text";
            case INTEGER -> "whole number";
            case DECIMAL -> "number";
            case DATE -> "date (YYYY-MM-DD)";
            case DATETIME -> "date and time (ISO 8601, for example 2024-03-01T09:30:00Z)";
            case BOOLEAN -> "boolean (true or false)";
            case LINES -> "list of lines";
        };
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }
}
