package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportMapping.FieldMapping;

class MappingReaderTest {

    @TempDir
    Path jobs;

    private ImportFixture fixture;

    @BeforeEach
    void createImporter() {
        fixture = new ImportFixture(jobs);
    }

    @AfterEach
    void closeImporter() {
        fixture.close();
    }

    private String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> fixture.importer.parseMapping(json))
                .getMessage();
    }

    private static String order(String fields) {
        return "{\"name\": \"shop\", \"recordType\": \"order\", \"fields\": [" + fields + "]}";
    }

    @Test
    void builtInMappingsAreAllValid() {
        List<ImportMapping> builtIn = fixture.importer.mappings();

        assertEquals(
                List.of(
                        "maven-crm-accounts",
                        "maven-crm-products",
                        "maven-crm-teams",
                        "maven-crm-pipeline",
                        "uci-online-retail",
                        "tmall-orders"),
                builtIn.stream().map(ImportMapping::name).toList());
        builtIn.forEach(mapping -> new MappingReader(fixture.records::byName).check(mapping));
    }

    @Test
    void aUserMappingIsReadWithAllItsMembers() {
        ImportMapping mapping = fixture.importer.parseMapping(
                order(
                        """
                {"field": "orderNumber", "column": "No", "required": true},
                {"field": "orderedAt", "column": "Date", "format": "date:dd.MM.yyyy"},
                {"field": "accountId", "column": "Customer", "reference": "account", "aliases": {"n/a": ""}},
                {"field": "lines.lineNo", "format": "occurrence"},
                {"field": "lines.sku", "column": "Item"},
                {"field": "lines.quantity", "column": "Qty"},
                {"field": "lines.unitPrice", "column": "Price"}
                """));

        assertEquals("order", mapping.recordType());
        assertEquals(
                new FieldMapping("accountId", "Customer", null, null, null, false, Map.of("n/a", ""), "account"),
                mapping.fields().get(2));
        assertEquals(true, mapping.fields().get(0).required());
    }

    @Test
    void anUnknownFormatNamesTheFieldAtFault() {
        assertEquals(
                "Invalid mapping at 'fields[1].format': unknown format 'dat:yyyy'; use text, integer, decimal, id, "
                        + "boolean, date, date:PATTERN, datetime, datetime:PATTERN, startsWith:PREFIX, negative or "
                        + "occurrence",
                error(
                        order(
                                """
                        {"field": "orderNumber", "column": "No"},
                        {"field": "orderedAt", "column": "Date", "format": "dat:yyyy"}
                        """)));
    }

    @Test
    void mistakesInAMappingAreEachNamedByTheirPath() {
        assertEquals(
                "Invalid mapping: not valid JSON at line 1, column 9: Unexpected character (',' (code 44)): "
                        + "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or "
                        + "'false')",
                error("{\"name\":,}"));
        assertEquals(
                "Invalid mapping at 'recordType': unknown record type 'invoice'",
                error("""
                {"name": "x", "recordType": "invoice", "fields": []}"""));
        assertEquals(
                "Invalid mapping at 'fields[0].colum': is not a mapping member; use field, column, template, "
                        + "constant, format, required, aliases, reference",
                error(order("{\"field\": \"orderNumber\", \"colum\": \"No\"}")));
        assertEquals(
                "Invalid mapping at 'fields[1].field': 'order' has no field 'total'",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"}, "
                        + "{\"field\": \"total\", \"column\": \"T\"}")));
        assertEquals(
                "Invalid mapping at 'fields': 'order' needs the field(s) 'orderedAt'",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"}")));
        assertEquals(
                "Invalid mapping at 'fields[1]': give exactly one of 'column', 'template' or 'constant'",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"}, {\"field\": \"orderedAt\"}")));
        assertEquals(
                "Invalid mapping at 'fields[1].format': format 'negative' does not fit but 'orderedAt' holds "
                        + "datetime values",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"},"
                        + "{\"field\": \"orderedAt\", \"column\": \"D\", \"format\": \"negative\"}")));
        assertEquals(
                "Invalid mapping at 'fields[1].required': must be true or false",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"},"
                        + "{\"field\": \"orderedAt\", \"column\": \"D\", \"required\": \"yes\"}")));
        assertEquals(
                "Invalid mapping at 'fields[2].reference': 'accountId' refers to 'account', not 'product'",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"},"
                        + "{\"field\": \"orderedAt\", \"column\": \"D\"},"
                        + "{\"field\": \"accountId\", \"column\": \"C\", \"reference\": \"product\"}")));
    }

    @Test
    void aBadPatternOrConstantIsNamed() {
        assertEquals(
                "Invalid mapping at 'fields[1].constant': 'yesterday' is not a date and time in a known form "
                        + "(for example 2011-12-09 12:50:00, 12/9/2011 12:50 or 2011-12-09T12:50:00Z)",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"},"
                        + "{\"field\": \"orderedAt\", \"constant\": \"yesterday\"}")));
        assertEquals(
                "Invalid mapping at 'fields[1].format': pattern 'yyyy-MM-dd bb' is invalid: Unknown pattern letter: b",
                error(order("{\"field\": \"orderNumber\", \"column\": \"No\"},"
                        + "{\"field\": \"orderedAt\", \"column\": \"D\", \"format\": \"datetime:yyyy-MM-dd bb\"}")));
    }
}
