package org.sellcraft.api.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schema of one kind of record: its fields, how it is addressed over REST and which fields form its natural
 * key. Capability bundles publish their own types as OSGi services of this class.
 *
 * @param name the type's name, singular, for example {@code opportunity}; lower-case letters, digits and {@code -},
 *     because it is part of the Event Admin topic of the type's changes
 * @param collection the REST collection it lives in, plural, for example {@code opportunities}
 * @param labelEn the name shown to people in English
 * @param labelZh the name shown to people in Chinese
 * @param fields its fields, in display order
 * @param keyFields the fields whose values identify a record from outside (a source system's id, an invoice
 *     number); importing the same key twice updates the record instead of creating another
 */
public record RecordType(
        String name, String collection, String labelEn, String labelZh, List<FieldDef> fields, List<String> keyFields) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public RecordType {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Record type name '" + name
                    + "' must start with a lower-case letter and hold only lower-case letters, digits and '-'");
        }
        Objects.requireNonNull(collection, "collection");
        fields = List.copyOf(fields);
        keyFields = List.copyOf(keyFields);
        for (String key : keyFields) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                throw new IllegalArgumentException("Key field '" + key + "' is not a field of type '" + name + "'");
            }
        }
    }

    /** Returns the definition of the named field, if the type has one. */
    public Optional<FieldDef> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** Returns the fields by name, in display order. */
    public Map<String, FieldDef> fieldsByName() {
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        return byName;
    }
}
