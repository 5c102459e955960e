package org.sellcraft.api.record;

import java.util.List;
import java.util.Objects;

/**
 * One field of a record type.
 *
 * @param name the field's name in JSON and in filters, for example {@code closeValue}
 * @param kind the kind of value it holds
 * @param required whether a record without a value for it is refused
 * @param fieldClass how sensitive it is
 * @param filterable whether lists may be filtered and sorted by it
 * @param referenceType for {@link FieldKind#REFERENCE}, the record type it points to; otherwise {@code null}
 * @param allowedValues for an enumerated text field, the values it accepts; otherwise empty
 * @param parts for {@link FieldKind#LINES}, the fields of one part; otherwise empty
 */
public record FieldDef(
        String name,
        FieldKind kind,
        boolean required,
        FieldClass fieldClass,
        boolean filterable,
        String referenceType,
        List<String> allowedValues,
        List<FieldDef> parts) {

    public FieldDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fieldClass, "fieldClass");
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** Starts a field definition; the builder's defaults are optional, public and not filterable. */
    public static Builder field(String name, FieldKind kind) {
        return new Builder(name, kind);
    }

    /** Fluent construction of a {@link FieldDef}. */
    public static final class Builder {
        private final String name;
        private final FieldKind kind;
        private boolean required;
        private FieldClass fieldClass = FieldClass.PUBLIC;
        private boolean filterable;
        private String referenceType;
        private List<String> allowedValues = List.of();
        private List<FieldDef> parts = List.of();

        private Builder(String name, FieldKind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder filterable() {
            this.filterable = true;
            return this;
        }

        public Builder classed(FieldClass fieldClass) {
            this.fieldClass = fieldClass;
            return this;
        }

        public Builder references(String recordType) {
            this.referenceType = recordType;
            return this;
        }

        public Builder oneOf(String... values) {
            this.allowedValues = List.of(values);
            return this;
        }

        public Builder parts(FieldDef... parts) {
            this.parts = List.of(parts);
            return this;
        }

        public FieldDef build() {
            return new FieldDef(name, kind, required, fieldClass, filterable, referenceType, allowedValues, parts);
        }
    }
}
