package org.sellcraft.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sellcraft.api.record.Record;

/** Reading record values the way the console's figures need them. */
final class Values {

    private Values() {}

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.ZERO;
    }

    static long whole(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Returns the order's amount: quantity times unit price over its lines, returns counting negative. */
    static BigDecimal orderAmount(Record order) {
        BigDecimal amount = BigDecimal.ZERO;
        for (Map<String, Object> line : lines(order)) {
            amount = amount.add(
                    decimal(line.get("unitPrice")).multiply(BigDecimal.valueOf(whole(line.get("quantity")))));
        }
        return amount;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Record order) {
        Object lines = order.get("lines");
        return lines instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** Returns the month of a date or instant ({@code 2011-03}), or nothing. */
    static Optional<String> month(Object value) {
        if (value instanceof Instant instant) {
            return Optional.of(
                    instant.atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7));
        }
        if (value instanceof LocalDate date) {
            return Optional.of(date.toString().substring(0, 7));
        }
        return Optional.empty();
    }

    /** Returns a record as the REST API shows it: identity and bookkeeping first, then its fields. */
    static Map<String, Object> json(Record record) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", record.id());
        json.put("type", record.type());
        json.put("version", record.version());
        json.put("createdAt", record.createdAt());
        json.put("updatedAt", record.updatedAt());
        json.putAll(record.fields());
        return json;
    }

    /** Looks up display names of referenced records once each. */
    static final class Names {

        private final RecordSource source;
        private final Map<String, String> cache = new HashMap<>();

        Names(RecordSource source) {
            this.source = source;
        }

        /** Returns the name (or code, or sku) of the record, or {@code null} when the caller cannot see it. */
        String of(String type, Object id) {
            if (id == null) {
                return null;
            }
            return cache.computeIfAbsent(
                    type + "/" + id,
                    key -> source.find(type, id.toString()).map(Names::display).orElse(null));
        }

        static String display(Record record) {
            for (String field : List.of("name", "code", "sku", "orderNumber")) {
                Object value = record.get(field);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
            return record.id();
        }
    }
}
