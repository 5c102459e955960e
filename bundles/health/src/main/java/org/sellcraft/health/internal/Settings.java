package org.sellcraft.health.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.service.ValidationException;

/** Reads and checks settings, from ConfigAdmin or from a request to change them. */
final class Settings {

    static final String TODAY = "today";

    private Settings() {}

    /**
     * Builds checked settings from the configuration.
     *
     * @throws ValidationException naming the setting and what is wrong with it
     */
    static HealthSettings of(HealthConfig config) {
        return of(Map.of(
                "referenceDate", config.referenceDate(),
                "zone", config.zone(),
                "windowDays", config.windowDays(),
                "recentDays", config.recentDays(),
                "changeDays", config.changeDays(),
                "healthyFrom", config.healthyFrom(),
                "watchFrom", config.watchFrom(),
                "churnedAfterDays", config.churnedAfterDays(),
                "weights", config.weights(),
                "nonProductCodes", config.nonProductCodes()));
    }

    /** Builds checked settings from configuration properties as ConfigAdmin or a request holds them. */
    static HealthSettings of(Map<String, ?> values) {
        String referenceDate = text(values, "referenceDate").trim();
        checkReferenceDate(referenceDate);
        String zone = text(values, "zone").trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ValidationException("zone", zone, "is not a known time zone");
        }
        int windowDays = number(values, "windowDays", 7, 3660);
        int recentDays = number(values, "recentDays", 7, windowDays / 2);
        int healthyFrom = number(values, "healthyFrom", 1, 100);
        return new HealthSettings(
                referenceDate,
                zone,
                windowDays,
                recentDays,
                number(values, "changeDays", 1, 366),
                healthyFrom,
                number(values, "watchFrom", 0, healthyFrom),
                number(values, "churnedAfterDays", 1, 3660),
                weights(text(values, "weights")),
                codes(text(values, "nonProductCodes")));
    }

    /**
     * Applies a change request to the settings in force: named settings replace theirs, and {@code weights}, an
     * object of factor weights, is merged with the current ones.
     *
     * @throws ValidationException naming the unknown or invalid setting
     */
    static HealthSettings merge(HealthSettings current, Map<String, Object> changes) {
        Map<String, Object> values = new LinkedHashMap<>(toProperties(current));
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (!values.containsKey(change.getKey())) {
                throw new ValidationException(change.getKey(), null, "is not a health setting");
            }
            values.put(change.getKey(), change.getValue() == null ? "" : change.getValue());
        }
        if (changes.get("weights") instanceof Map<?, ?> weights) {
            Map<String, Double> merged = new LinkedHashMap<>(current.weights());
            weights.forEach((name, weight) -> merged.put(String.valueOf(name), parseWeight(String.valueOf(weight))));
            values.put("weights", weightsText(merged));
        }
        return of(values);
    }

    /** The date scores are for: the configured one, the wall clock's, or the latest order's. */
    static LocalDate asOf(HealthSettings settings, LocalDate latestOrder, LocalDate today) {
        return switch (settings.referenceDate()) {
            case "" -> latestOrder == null ? today : latestOrder;
            case TODAY -> today;
            default -> LocalDate.parse(settings.referenceDate());
        };
    }

    private static void checkReferenceDate(String value) {
        if (value.isEmpty() || value.equals(TODAY)) {
            return;
        }
        try {
            LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new ValidationException("referenceDate", value, "must be empty, 'today' or a date as yyyy-MM-dd");
        }
    }

    private static Map<String, Double> weights(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=");
            double weight = parts.length == 2 ? parseWeight(parts[1]) : Double.NaN;
            if (parts[0].isBlank() || !(weight >= 0 && weight <= 1000)) {
                throw new ValidationException(
                        "weights", pair.trim(), "must be name=weight pairs with weights from 0 to 1000");
            }
            weights.put(parts[0].trim(), weight);
        }
        return weights;
    }

    private static double parseWeight(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> codes(String text) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .toList();
    }

    private static String text(Map<String, ?> values, String key) {
        Object value = values.get(key);
        return value == null ? "" : value.toString();
    }

    private static int number(Map<String, ?> values, String key, int min, int max) {
        Object value = values.get(key);
        try {
            int number = value instanceof Number n
                    ? n.intValue()
                    : Integer.parseInt(String.valueOf(value).trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw new ValidationException(key, String.valueOf(value), "must be a whole number from " + min + " to " + max);
    }

    /** Returns the settings as configuration properties, the form ConfigAdmin stores. */
    static Map<String, Object> toProperties(HealthSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("referenceDate", settings.referenceDate());
        properties.put("zone", settings.zone());
        properties.put("windowDays", settings.windowDays());
        properties.put("recentDays", settings.recentDays());
        properties.put("changeDays", settings.changeDays());
        properties.put("healthyFrom", settings.healthyFrom());
        properties.put("watchFrom", settings.watchFrom());
        properties.put("churnedAfterDays", settings.churnedAfterDays());
        properties.put("weights", weightsText(settings.weights()));
        properties.put("nonProductCodes", String.join(", ", settings.nonProductCodes()));
        return properties;
    }

    private static String weightsText(Map<String, Double> weights) {
        StringBuilder text = new StringBuilder();
        weights.forEach((name, weight) -> text.append(text.length() == 0 ? "" : ", ")
                .append(name)
                .append('=')
                .append(weight == Math.rint(weight) ? Long.toString(weight.longValue()) : weight.toString()));
        return text.toString();
    }
}
