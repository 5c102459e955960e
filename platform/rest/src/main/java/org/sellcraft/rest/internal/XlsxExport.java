package org.sellcraft.rest.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.ws.rs.core.StreamingOutput;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;

/**
 * Records as an Excel workbook of one sheet, with the same columns and the same formula neutralisation as
 * {@link CsvExport}. Written with the JDK's zip stream as plain SpreadsheetML: text goes in inline strings and
 * numbers as numbers, and no cell is ever a formula.
 */
final class XlsxExport {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_DOCUMENT = RELATIONSHIPS + "/officeDocument";
    private static final String WORKSHEET = RELATIONSHIPS + "/worksheet";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private XlsxExport() {}

    static StreamingOutput of(RecordType type, String sheetName, List<Record> records) {
        List<String> columns = CsvExport.columns(type, records);
        return output -> {
            try (ZipOutputStream zip = new ZipOutputStream(output, StandardCharsets.UTF_8)) {
                Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
                part(zip, writer, "[Content_Types].xml", contentTypes());
                part(zip, writer, "_rels/.rels", relationship(OFFICE_DOCUMENT, "xl/workbook.xml"));
                part(zip, writer, "xl/workbook.xml", workbook(sheetName));
                part(zip, writer, "xl/_rels/workbook.xml.rels", relationship(WORKSHEET, "worksheets/sheet1.xml"));
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                writeSheet(writer, columns, records);
                writer.flush();
                zip.closeEntry();
            }
        };
    }

    private static void part(ZipOutputStream zip, Writer writer, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        writer.write(content);
        writer.flush();
        zip.closeEntry();
    }

    private static String contentTypes() {
        return XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\""
                + "application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>";
    }

    private static String relationship(String type, String target) {
        return XML + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + type + "\" Target=\"" + target + "\"/>"
                + "</Relationships>";
    }

    private static String workbook(String sheetName) {
        // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]
        String name = sheetName.replaceAll("[:\\\\/?*\\[\\]]", "_");
        name = name.length() > 31 ? name.substring(0, 31) : name;
        return XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\"><sheets>"
                + "<sheet name=\"" + escape(name) + "\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>";
    }

    private static void writeSheet(Writer writer, List<String> columns, List<Record> records) throws IOException {
        writer.write(XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        writeRow(writer, 1, columns.stream().map(Object.class::cast).toList());
        int row = 2;
        for (Record record : records) {
            writeRow(writer, row++, CsvExport.row(record, columns));
        }
        writer.write("</sheetData></worksheet>");
    }

    private static void writeRow(Writer writer, int row, List<Object> values) throws IOException {
        writer.write("<row r=\"" + row + "\">");
        for (int column = 0; column < values.size(); column++) {
            Object value = values.get(column);
            if (value == null) {
                continue;
            }
            String ref = columnName(column) + row;
            if (value instanceof Number number) {
                writer.write("<c r=\"" + ref + "\"><v>" + number + "</v></c>");
            } else {
                // The value arrives neutralised already: a leading quote keeps it text wherever it is pasted.
                writer.write("<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        + escape(value.toString()) + "</t></is></c>");
            }
        }
        writer.write("</row>");
    }

    /** A, B, ... Z, AA, AB, ...: the spreadsheet name of a zero-based column. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** Escapes text for XML, and replaces the control characters XML 1.0 cannot carry. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\t', '\n' -> escaped.append(c);
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }
}
