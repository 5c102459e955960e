package org.sellcraft.importer.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sellcraft.api.record.FieldKind;

/**
 * How the text of a cell is read: the {@code format} of a field mapping. Reading either returns a value of the kind
 * the format produces or throws {@link IllegalArgumentException} whose message says what the text is not.
 */
final class ValueFormat {

    /** The formats a mapping may name. */
    enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        ID,
        BOOLEAN,
        DATE,
        DATETIME,
        STARTS_WITH,
        NEGATIVE,
        OCCURRENCE
    }

    static final String KNOWN = "text, integer, decimal, id, boolean, date, date:PATTERN, datetime, "
            + "datetime:PATTERN, startsWith:PREFIX, negative or occurrence";

    private static final Pattern WHOLE_FLOAT = Pattern.compile("[+-]?\\d+(\\.0*)?");
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "true", true, "false", false, "yes", true, "no", false, "y", true, "n", false, "1", true, "0", false, "是",
            true, "否", false);

    // Month before day for slashes, as US and Excel exports write them; ISO first because it is the most common.
    private static final List<DateTimeFormatter> DATES = List.of(
            pattern("uuuu-M-d"),
            pattern("M/d/uuuu"),
            pattern("uuuu/M/d"),
            pattern("d-MMM-uuuu"),
            twoDigitYear("M/d/"),
            twoDigitYear("d-MMM-"),
            pattern("d.M.uuuu"),
            pattern("uuuu.M.d"),
            pattern("uuuu年M月d日"),
            pattern("uuuuMMdd"));
    private static final List<DateTimeFormatter> TIMES = List.of(
            new DateTimeFormatterBuilder()
                    .appendPattern("H:mm")
                    .optionalStart()
                    .appendPattern(":ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT),
            pattern("h:mm[:ss] a"));

    private static final Map<FieldKind, Set<Kind>> FITS = Map.of(
            FieldKind.TEXT, EnumSet.of(Kind.TEXT, Kind.ID),
            FieldKind.REFERENCE, EnumSet.of(Kind.TEXT, Kind.ID),
            FieldKind.INTEGER, EnumSet.of(Kind.INTEGER, Kind.OCCURRENCE),
            FieldKind.DECIMAL, EnumSet.of(Kind.DECIMAL, Kind.INTEGER, Kind.OCCURRENCE),
            FieldKind.BOOLEAN, EnumSet.of(Kind.BOOLEAN, Kind.STARTS_WITH, Kind.NEGATIVE),
            FieldKind.DATE, EnumSet.of(Kind.DATE, Kind.DATETIME),
            FieldKind.DATETIME, EnumSet.of(Kind.DATETIME, Kind.DATE),
            FieldKind.LINES, EnumSet.noneOf(Kind.class));

    private final Kind kind;
    private final String argument;
    private final DateTimeFormatter formatter;

    private ValueFormat(Kind kind, String argument, DateTimeFormatter formatter) {
        this.kind = kind;
        this.argument = argument;
        this.formatter = formatter;
    }

    /**
     * Reads a format as a mapping names it.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static ValueFormat parse(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        Kind kind = kindNamed(name, spec);
        boolean takesArgument = kind == Kind.DATE || kind == Kind.DATETIME || kind == Kind.STARTS_WITH;
        if (argument != null && !takesArgument) {
            throw new IllegalArgumentException("format '" + name + "' takes no ':' argument");
        }
        if (kind == Kind.STARTS_WITH && (argument == null || argument.isEmpty())) {
            throw new IllegalArgumentException("format 'startsWith' needs a prefix, for example 'startsWith:C'");
        }
        boolean dated = kind == Kind.DATE || kind == Kind.DATETIME;
        return new ValueFormat(kind, argument, dated && argument != null ? userPattern(argument) : null);
    }

    /** Returns the format a field of this kind is read with when the mapping names none. */
    static ValueFormat forField(FieldKind fieldKind) {
        Kind kind =
                switch (fieldKind) {
                    case INTEGER -> Kind.INTEGER;
                    case DECIMAL -> Kind.DECIMAL;
                    case DATE -> Kind.DATE;
                    case DATETIME -> Kind.DATETIME;
                    case BOOLEAN -> Kind.BOOLEAN;
                    default -> Kind.TEXT;
                };
        return new ValueFormat(kind, null, null);
    }

    Kind kind() {
        return kind;
    }

    /** Whether values read with this format can be stored in a field of the given kind. */
    boolean fits(FieldKind fieldKind) {
        return FITS.get(fieldKind).contains(kind);
    }

    @Override
    public String toString() {
        String name = kind == Kind.STARTS_WITH ? "startsWith" : kind.name().toLowerCase(Locale.ROOT);
        return argument == null ? name : name + ":" + argument;
    }

    /**
     * Reads non-empty, trimmed text.
     *
     * @throws IllegalArgumentException saying what the text is not
     */
    Object read(String text) {
        return switch (kind) {
            case TEXT -> text;
            case INTEGER -> wholeNumber(text);
            case DECIMAL -> number(text);
            case ID -> id(text);
            case BOOLEAN -> bool(text);
            case DATE -> formatter == null ? autoDate(text) : userDate(text);
            case DATETIME -> formatter == null ? autoDateTime(text) : userDateTime(text);
            case STARTS_WITH -> text.startsWith(argument);
            case NEGATIVE -> number(text).signum() < 0;
            case OCCURRENCE -> throw new IllegalStateException("occurrence is counted, not read");
        };
    }

    /** Converts a value this format read to the kind of the field it is stored in. */
    static Object fit(Object value, FieldKind fieldKind) {
        if (fieldKind == FieldKind.DECIMAL && value instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        if (fieldKind == FieldKind.DATETIME && value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (fieldKind == FieldKind.DATE && value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }

    private static Kind kindNamed(String name, String spec) {
        return switch (name) {
            case "text" -> Kind.TEXT;
            case "integer" -> Kind.INTEGER;
            case "decimal" -> Kind.DECIMAL;
            case "id" -> Kind.ID;
            case "boolean" -> Kind.BOOLEAN;
            case "date" -> Kind.DATE;
            case "datetime" -> Kind.DATETIME;
            case "startsWith" -> Kind.STARTS_WITH;
            case "negative" -> Kind.NEGATIVE;
            case "occurrence" -> Kind.OCCURRENCE;
            default -> throw new IllegalArgumentException("unknown format '" + spec + "'; use " + KNOWN);
        };
    }

    private static DateTimeFormatter userPattern(String pattern) {
        try {
            return pattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pattern '" + pattern + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"))
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    // Two-digit years fall in 1950..2049, so 17 is 2017 and 85 is 1985.
    private static DateTimeFormatter twoDigitYear(String prefix) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(prefix)
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static Long wholeNumber(String text) {
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
    }

    private static String id(String text) {
        if (!WHOLE_FLOAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number");
        }
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(0, dot);
    }

    private static Boolean bool(String text) {
        Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException("not a yes/no value (true/false, yes/no, y/n, 1/0)");
        }
        return value;
    }

    private LocalDate userDate(String text) {
        try {
            return LocalDate.from(formatter.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date of the form '" + argument + "'");
        }
    }

    // A pattern without an offset or zone is read as UTC.
    private Instant userDateTime(String text) {
        try {
            TemporalAccessor parsed = formatter.parse(text);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(parsed);
            }
            LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            return LocalDate.from(parsed).atTime(time).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date and time of the form '" + argument + "'");
        }
    }

    private static LocalDate autoDate(String text) {
        LocalDateTime dateTime = autoLocal(text);
        if (dateTime == null) {
            throw new IllegalArgumentException(
                    "not a date in a known form (for example 2017-03-01, 3/1/2017, 1-Mar-17 or 2017/3/1)");
        }
        return dateTime.toLocalDate();
    }

    private static Instant autoDateTime(String text) {
        if (text.length() > 10 && text.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // No offset: read below as local time in UTC.
            }
        }
        LocalDateTime dateTime = autoLocal(text);
        if (dateTime == null) {
            throw new IllegalArgumentException("not a date and time in a known form "
                    + "(for example 2011-12-09 12:50:00, 12/9/2011 12:50 or 2011-12-09T12:50:00Z)");
        }
        return dateTime.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime autoLocal(String text) {
        int split = text.indexOf(' ');
        if (split < 0 && text.length() > 10 && text.charAt(10) == 'T') {
            split = 10;
        }
        LocalDate date = firstParsed(DATES, split < 0 ? text : text.substring(0, split), LocalDate::from);
        if (date == null || split < 0) {
            return date == null ? null : date.atStartOfDay();
        }
        LocalTime time = firstParsed(TIMES, text.substring(split + 1).trim(), LocalTime::from);
        return time == null ? null : date.atTime(time);
    }

    private static <T> T firstParsed(
            List<DateTimeFormatter> formatters, String text, Function<TemporalAccessor, T> query) {
        for (DateTimeFormatter candidate : formatters) {
            try {
                return query.apply(candidate.parse(text));
            } catch (DateTimeParseException e) {
                // Not this form; try the next.
            }
        }
        return null;
    }
}
