package org.sellcraft.importer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportMapping.FieldMapping;
import org.sellcraft.api.importing.ImportMapping.RelatedRecord;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;

/**
 * Reads mappings from JSON and checks them against the record types, naming the member at fault in every error:
 * {@code Invalid mapping at 'fields[2].format': unknown format 'dat'; ...}.
 */
final class MappingReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MAPPING_MEMBERS =
            List.of("name", "description", "recordType", "fields", "related");
    private static final List<String> FIELD_MEMBERS =
            List.of("field", "column", "template", "constant", "format", "required", "aliases", "reference");
    private static final List<String> RELATED_MEMBERS = List.of("type", "fields");

    private final Function<String, Optional<RecordType>> types;

    MappingReader(Function<String, Optional<RecordType>> types) {
        this.types = types;
    }

    /**
     * Reads the shape of a mapping from JSON, without checking it against the record types.
     *
     * @throws IllegalArgumentException naming the member at fault
     */
    static ImportMapping read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid mapping: not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("", "must be a JSON object");
        }
        members(root, "", MAPPING_MEMBERS);
        List<FieldMapping> fields = fieldList(root.get("fields"), "fields");
        List<RelatedRecord> related = new ArrayList<>();
        JsonNode relatedNode = array(root.get("related"), "related");
        for (int i = 0; i < relatedNode.size(); i++) {
            related.add(related(relatedNode.get(i), "related[" + i + "]"));
        }
        return new ImportMapping(
                text(root, "name", "", true),
                text(root, "description", "", false),
                text(root, "recordType", "", true),
                fields,
                related);
    }

    /**
     * Checks a mapping against the record types it writes.
     *
     * @throws IllegalArgumentException naming the member at fault
     */
    ImportMapping check(ImportMapping mapping) {
        if (mapping.name().isBlank()) {
            throw invalid("name", "must not be empty");
        }
        RecordType type = keyedType(mapping.recordType(), "recordType");
        if (mapping.fields().isEmpty()) {
            throw invalid("fields", "must map at least the key field(s) " + MappingPlan.quoted(type.keyFields()));
        }
        checkFields(type, mapping.fields(), "fields", true);
        for (int i = 0; i < mapping.related().size(); i++) {
            RelatedRecord related = mapping.related().get(i);
            String path = "related[" + i + "]";
            RecordType relatedType = keyedType(related.type(), path + ".type");
            checkFields(relatedType, related.fields(), path + ".fields", false);
        }
        return mapping;
    }

    static IllegalArgumentException invalid(String path, String reason) {
        String where = path.isEmpty() ? "" : " at '" + path + "'";
        return new IllegalArgumentException("Invalid mapping" + where + ": " + reason);
    }

    private RecordType keyedType(String name, String path) {
        RecordType type = types.apply(name).orElseThrow(() -> invalid(path, "unknown record type '" + name + "'"));
        if (type.keyFields().isEmpty()) {
            throw invalid(path, "record type '" + name + "' has no natural key, so rows cannot be matched to records");
        }
        return type;
    }

    private void checkFields(RecordType type, List<FieldMapping> fields, String path, boolean main) {
        Set<String> mapped = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldMapping field = fields.get(i);
            String at = path + "[" + i + "]";
            if (!mapped.add(field.field())) {
                throw invalid(at + ".field", "field '" + field.field() + "' is mapped twice");
            }
            FieldDef def = target(type, field.field(), at + ".field", main);
            checkSource(field, at);
            checkFormat(field, def, at);
            checkReference(field, def, at);
        }
        checkCovered(type, mapped, path);
    }

    private FieldDef target(RecordType type, String field, String path, boolean main) {
        int dot = field.indexOf('.');
        String name = dot < 0 ? field : field.substring(0, dot);
        FieldDef def =
                type.field(name).orElseThrow(() -> invalid(path, "'" + type.name() + "' has no field '" + name + "'"));
        if (dot < 0 && def.kind() == FieldKind.LINES) {
            throw invalid(path, "'" + name + "' holds lines; map its parts as '" + name + ".<part>'");
        }
        if (dot < 0) {
            return def;
        }
        if (def.kind() != FieldKind.LINES || !main) {
            throw invalid(path, "'" + name + "' of '" + type.name() + "' has no parts");
        }
        String part = field.substring(dot + 1);
        return def.parts().stream()
                .filter(p -> p.name().equals(part))
                .findFirst()
                .orElseThrow(() -> invalid(path, "a line of '" + type.name() + "' has no part '" + part + "'"));
    }

    private static void checkSource(FieldMapping field, String path) {
        int sources = (field.column() == null ? 0 : 1)
                + (field.template() == null ? 0 : 1)
                + (field.constant() == null ? 0 : 1);
        boolean counted = "occurrence".equals(field.format());
        if (counted && sources > 0) {
            throw invalid(path, "an 'occurrence' field is counted, so it takes no column, template or constant");
        }
        if (!counted && sources != 1) {
            throw invalid(path, "give exactly one of 'column', 'template' or 'constant'");
        }
        if (field.column() != null && field.column().isBlank()) {
            throw invalid(path + ".column", "must not be empty");
        }
        if (field.template() != null && FieldReader.columnsOf(field).isEmpty()) {
            throw invalid(path + ".template", "has no {Column} placeholder; use 'constant' for fixed text");
        }
    }

    private static void checkFormat(FieldMapping field, FieldDef def, String path) {
        ValueFormat format;
        try {
            format = field.format() == null ? ValueFormat.forField(def.kind()) : ValueFormat.parse(field.format());
        } catch (IllegalArgumentException e) {
            throw invalid(path + ".format", e.getMessage());
        }
        boolean textual = field.template() != null;
        if (textual ? !ValueFormat.forField(FieldKind.TEXT).fits(def.kind()) : !format.fits(def.kind())) {
            String what = textual ? "a template gives text" : "format '" + format + "' does not fit";
            throw invalid(
                    path + (textual ? ".template" : ".format"),
                    what + " but '" + def.name() + "' holds "
                            + def.kind().name().toLowerCase(Locale.ROOT) + " values");
        }
        if (field.constant() != null) {
            try {
                format.read(field.constant());
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".constant", "'" + field.constant() + "' is " + e.getMessage());
            }
        }
    }

    private void checkReference(FieldMapping field, FieldDef def, String path) {
        if (field.reference() == null) {
            return;
        }
        keyedType(field.reference(), path + ".reference");
        if (def.kind() != FieldKind.REFERENCE) {
            throw invalid(path + ".reference", "'" + def.name() + "' does not hold a reference");
        }
        if (def.referenceType() != null && !def.referenceType().equals(field.reference())) {
            throw invalid(
                    path + ".reference",
                    "'" + def.name() + "' refers to '" + def.referenceType() + "', not '" + field.reference() + "'");
        }
    }

    private static void checkCovered(RecordType type, Set<String> mapped, String path) {
        List<String> missing = new ArrayList<>();
        for (FieldDef def : type.fields()) {
            boolean needed = type.keyFields().contains(def.name()) || (def.required() && def.kind() != FieldKind.LINES);
            if (needed && !mapped.contains(def.name())) {
                missing.add(def.name());
            }
            boolean hasLines = mapped.stream().anyMatch(f -> f.startsWith(def.name() + "."));
            if (def.kind() == FieldKind.LINES && hasLines) {
                for (FieldDef part : def.parts()) {
                    boolean first = part == def.parts().get(0);
                    if ((first || part.required()) && !mapped.contains(def.name() + "." + part.name())) {
                        missing.add(def.name() + "." + part.name());
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw invalid(path, "'" + type.name() + "' needs the field(s) " + MappingPlan.quoted(missing));
        }
    }

    private static List<FieldMapping> fieldList(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw invalid(path, "is missing");
        }
        JsonNode fields = array(node, path);
        List<FieldMapping> list = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            list.add(field(fields.get(i), path + "[" + i + "]"));
        }
        return list;
    }

    private static FieldMapping field(JsonNode node, String path) {
        object(node, path);
        members(node, path, FIELD_MEMBERS);
        JsonNode required = node.get("required");
        if (required != null && !required.isBoolean()) {
            throw invalid(path + ".required", "must be true or false");
        }
        return new FieldMapping(
                text(node, "field", path, true),
                text(node, "column", path, false),
                text(node, "template", path, false),
                text(node, "constant", path, false),
                text(node, "format", path, false),
                required != null && required.booleanValue(),
                aliases(node.get("aliases"), path + ".aliases"),
                text(node, "reference", path, false));
    }

    private static RelatedRecord related(JsonNode node, String path) {
        object(node, path);
        members(node, path, RELATED_MEMBERS);
        return new RelatedRecord(text(node, "type", path, true), fieldList(node.get("fields"), path + ".fields"));
    }

    private static Map<String, String> aliases(JsonNode node, String path) {
        Map<String, String> aliases = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return aliases;
        }
        object(node, path);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw invalid(path + "." + entry.getKey(), "must be text");
            }
            aliases.put(entry.getKey(), entry.getValue().textValue());
        }
        return aliases;
    }

    private static String text(JsonNode node, String member, String path, boolean required) {
        String at = path.isEmpty() ? member : path + "." + member;
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(at, "is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(at, "must be text");
        }
        if (required && value.textValue().isBlank()) {
            throw invalid(at, "must not be empty");
        }
        return value.textValue();
    }

    private static JsonNode array(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return JSON.createArrayNode();
        }
        if (!node.isArray()) {
            throw invalid(path, "must be a list");
        }
        return node;
    }

    private static void object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path, "must be an object");
        }
    }

    private static void members(JsonNode node, String path, List<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String at = path.isEmpty() ? name : path + "." + name;
                throw invalid(at, "is not a mapping member; use " + String.join(", ", known));
            }
        });
    }
}
