package org.sellcraft.importer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sellcraft.api.importing.ImportMapping.FieldMapping;
import org.sellcraft.api.record.FieldDef;

/**
 * Reads one field of a record from a row: takes the text from its column, template or constant, replaces aliases,
 * reads it with the field's format, checks it against the field's definition and turns a natural key into an id.
 */
final class FieldReader {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final String name;
    private final FieldDef def;
    private final ValueFormat format;
    private final boolean required;
    private final Map<String, String> aliases;
    private final String reference;
    private final KeyIds referenceIds;
    private final String constant;
    private final String column;
    private final int index;
    private final List<TemplatePart> template;

    /** A piece of a template: literal text, or the column whose value goes there. */
    private record TemplatePart(String literal, String column, int index) {}

    FieldReader(String name, FieldDef def, FieldMapping mapping, boolean required, Map<String, Integer> header) {
        this.name = name;
        this.def = def;
        this.format = mapping.format() == null ? ValueFormat.forField(def.kind()) : ValueFormat.parse(mapping.format());
        this.required = required;
        this.aliases = mapping.aliases();
        this.reference = mapping.reference();
        this.referenceIds = reference == null ? null : new KeyIds();
        this.constant = mapping.constant();
        this.template = mapping.template() == null ? null : templateParts(mapping.template(), header);
        this.column = mapping.column() != null ? mapping.column() : firstColumn(template);
        this.index = mapping.column() == null ? -1 : header.get(mapping.column());
    }

    /** Returns the columns a mapping reads, in the order they appear. */
    static List<String> columnsOf(FieldMapping mapping) {
        if (mapping.column() != null) {
            return List.of(mapping.column());
        }
        List<String> columns = new ArrayList<>();
        if (mapping.template() != null) {
            Matcher matcher = PLACEHOLDER.matcher(mapping.template());
            while (matcher.find()) {
                columns.add(matcher.group(1));
            }
        }
        return columns;
    }

    /** The target field's name (for a line, the part's name). */
    String name() {
        return name;
    }

    /** The column shown in rejections, or {@code null} for a constant. */
    String column() {
        return column;
    }

    /**
     * Returns the value for this row, or {@code null} when it has none.
     *
     * @param occurrence the row's position among the rows of its record, counted from 1
     * @throws RowProblem when the value is missing but required, or cannot be read
     */
    Object read(List<String> row, long occurrence) throws RowProblem {
        if (format.kind() == ValueFormat.Kind.OCCURRENCE) {
            return ValueFormat.fit(occurrence, def.kind());
        }
        String text = template == null ? alias(cell(row, index, constant)) : fill(row);
        if (text == null) {
            if (required) {
                throw new RowProblem(column, "", "a value is required for '" + name + "'");
            }
            return null;
        }
        Object value = template == null ? readText(text) : text;
        if (!def.allowedValues().isEmpty() && !def.allowedValues().contains(value)) {
            throw new RowProblem(column, text, "not one of " + String.join(", ", def.allowedValues()));
        }
        return reference == null ? value : referenceIds.of(reference, value);
    }

    private Object readText(String text) throws RowProblem {
        try {
            return ValueFormat.fit(format.read(text), def.kind());
        } catch (IllegalArgumentException e) {
            throw new RowProblem(column, text, e.getMessage());
        }
    }

    private String alias(String text) {
        return text == null ? null : aliases.getOrDefault(text, text);
    }

    // A template's format applies to the values it puts in; the result is text. One empty value leaves it empty.
    private String fill(List<String> row) throws RowProblem {
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : template) {
            if (part.column() == null) {
                text.append(part.literal());
                continue;
            }
            String value = alias(cell(row, part.index(), null));
            if (value == null) {
                return null;
            }
            try {
                text.append(format.read(value));
            } catch (IllegalArgumentException e) {
                throw new RowProblem(part.column(), value, e.getMessage());
            }
        }
        return text.toString();
    }

    private static String cell(List<String> row, int index, String constant) {
        String raw = index < 0 ? constant : index < row.size() ? row.get(index) : null;
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        return text.isEmpty() ? null : text;
    }

    private static List<TemplatePart> templateParts(String template, Map<String, Integer> header) {
        List<TemplatePart> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int end = 0;
        while (matcher.find()) {
            parts.add(new TemplatePart(template.substring(end, matcher.start()), null, -1));
            parts.add(new TemplatePart(null, matcher.group(1), header.get(matcher.group(1))));
            end = matcher.end();
        }
        parts.add(new TemplatePart(template.substring(end), null, -1));
        return parts;
    }

    private static String firstColumn(List<TemplatePart> template) {
        if (template == null) {
            return null;
        }
        return template.stream()
                .map(TemplatePart::column)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
    }
}
