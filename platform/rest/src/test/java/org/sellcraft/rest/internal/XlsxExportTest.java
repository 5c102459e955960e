package org.sellcraft.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.sales.SalesTypes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XlsxExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralisedAndNumbersStayNumbers() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", "=HYPERLINK(\"http://evil\",\"x\")");
        fields.put("name", "@SUM(A1) & <b>");
        fields.put("category", "-2+3");
        fields.put("series", "\tTab");
        fields.put("listPrice", new BigDecimal("-5.5"));
        Record product = new Record("product", "p1", 3, Instant.EPOCH, Instant.EPOCH, fields);
        Map<String, Object> plain = new LinkedHashMap<>(Map.of("sku", "+86 138", "name", "\rCarriage", "costPrice", 1));
        Record other = new Record("product", "p2", 1, Instant.EPOCH, Instant.EPOCH, plain);

        Map<String, byte[]> parts = unzip(List.of(product, other));

        assertTrue(
                parts.keySet().containsAll(List.of("[Content_Types].xml", "xl/workbook.xml")),
                parts.keySet().toString());
        List<List<String>> rows = rows(parts.get("xl/worksheets/sheet1.xml"));
        assertEquals(
                List.of("id", "version", "sku", "name", "category", "series", "listPrice", "costPrice"), rows.get(0));
        assertEquals(
                List.of("p1", "3", "'=HYPERLINK(\"http://evil\",\"x\")", "'@SUM(A1) & <b>", "'-2+3", "'\tTab", "-5.5"),
                rows.get(1));
        assertEquals(List.of("p2", "1", "'+86 138", "'\rCarriage", "1"), rows.get(2));
        String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        assertFalse(sheet.contains("<f>"), "no cell is a formula");
        assertTrue(sheet.contains("<c r=\"G2\"><v>-5.5</v></c>"), "a number stays a number: " + sheet);
    }

    @Test
    void columnsAreNamedAsSpreadsheetsNameThem() {
        assertEquals("A", XlsxExport.columnName(0));
        assertEquals("Z", XlsxExport.columnName(25));
        assertEquals("AA", XlsxExport.columnName(26));
        assertEquals("AZ", XlsxExport.columnName(51));
        assertEquals("BA", XlsxExport.columnName(52));
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreReplaced() {
        assertEquals("a\uFFFDb &amp; &lt;c&gt;", XlsxExport.escape("a\u0001b & <c>"));
    }

    private static Map<String, byte[]> unzip(List<Record> records) throws Exception {
        RecordType type = SalesTypes.all().stream()
                .filter(t -> t.name().equals("product"))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.of(type, "products", records).write(out);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                parts.put(entry.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** The cell texts of each row, in order, skipping empty cells. */
    private static List<List<String>> rows(byte[] sheet) throws Exception {
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(sheet));
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = document.getElementsByTagName("row");
        for (int i = 0; i < rowNodes.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList cellNodes = ((Element) rowNodes.item(i)).getElementsByTagName("c");
            for (int j = 0; j < cellNodes.getLength(); j++) {
                cells.add(cellNodes.item(j).getTextContent());
            }
            rows.add(cells);
        }
        return rows;
    }
}
