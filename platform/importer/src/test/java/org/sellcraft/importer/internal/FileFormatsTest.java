package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.Rejection;

class FileFormatsTest {

    @TempDir
    Path dir;

    private ImportFixture fixture;

    @BeforeEach
    void createImporter() {
        fixture = new ImportFixture(dir.resolve("jobs"));
    }

    @AfterEach
    void closeImporter() {
        fixture.close();
    }

    @Test
    void utf8WithByteOrderMarkBareCrEndingsAndPaddedHeadersIsRead() throws IOException {
        String csv = "\uFEFFproduct ,  series,sales_price \r"
                + "GTX Basic,GTX,550\r"
                + "\r"
                + "MG Special,MG,fifty\r"
                + "GTK 500,GTK,26768\r";
        Path file = Files.write(dir.resolve("products.csv"), csv.getBytes(StandardCharsets.UTF_8));

        ImportJob job = fixture.run(file, "maven-crm-products");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals("UTF-8", job.charset());
        assertEquals(2, job.inserted());
        assertEquals(
                new BigDecimal("26768"),
                fixture.records.byKey("product", "GTK 500").get("listPrice"));
        assertEquals(List.of(new Rejection(4, "sales_price", "fifty", "not a number")), job.rejections());
    }

    @Test
    void gzipIsRecognisedByItsFirstBytesWhateverTheName() throws IOException {
        Path file = dir.resolve("products.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("product,series,sales_price\nGTX Basic,GTX,550\n".getBytes(StandardCharsets.UTF_8));
        }

        ImportJob job = fixture.run(file, "maven-crm-products");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(1, job.inserted());
        assertEquals(100.0, job.percent());
    }

    @Test
    void theFirstSheetOfAWorkbookIsImportedWithItsDates() throws IOException {
        Path file = workbook(dir.resolve("pipeline.xlsx"));

        ImportJob job = fixture.run(file, "maven-crm-pipeline");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(1, job.inserted());
        Map<String, Object> won = fixture.records.byKey("opportunity", "1C1I7A6R");
        assertEquals(LocalDate.of(2016, 10, 20), won.get("engageDate"));
        assertEquals(LocalDate.of(2017, 3, 1), won.get("closeDate"));
        assertEquals(new BigDecimal("1054"), won.get("value"));
        assertEquals("Won", won.get("stage"));
        assertNull(won.get("accountId"), "a cell left out of the row is empty");
        assertEquals(
                List.of(new Rejection(
                        4,
                        "deal_stage",
                        "Closed",
                        "not one of Prospecting, Engaging, Proposal, " + "Negotiation, Won, Lost")),
                job.rejections());
    }

    // A workbook as Excel writes it: shared strings, an inline string, a built-in and a custom date style, a
    // left-out cell and a row number that skips one.
    private static Path workbook(Path file) throws IOException {
        String main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        String header = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";
        StringBuilder strings = new StringBuilder("<sst " + main + ">");
        for (String name : header.split(",")) {
            strings.append("<si><t>").append(name).append("</t></si>");
        }
        strings.append("<si><r><t>Moses </t></r><r><t>Frase</t></r></si></sst>");
        StringBuilder headerCells = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            headerCells
                    .append("<c r=\"")
                    .append((char) ('A' + i))
                    .append("1\" t=\"s\"><v>")
                    .append(i)
                    .append("</v></c>");
        }
        String sheet = "<worksheet " + main + "><sheetData>"
                + "<row r=\"1\">" + headerCells + "</row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1C1I7A6R</t></is></c>"
                + "<c r=\"B2\" t=\"s\"><v>8</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>GTX Pro</t></is></c>"
                + "<c r=\"E2\" t=\"inlineStr\"><is><t>Won</t></is></c><c r=\"F2\" s=\"1\"><v>42663</v></c>"
                + "<c r=\"G2\" s=\"2\"><v>42795</v></c><c r=\"H2\"><v>1054</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Z063OYW0</t></is></c>"
                + "<c r=\"B4\" t=\"s\"><v>8</v></c>"
                + "<c r=\"C4\" t=\"inlineStr\"><is><t>GTX Pro</t></is></c>"
                + "<c r=\"E4\" t=\"inlineStr\"><is><t>Closed</t></is></c></row>"
                + "</sheetData></worksheet>";
        String styles = "<styleSheet " + main + "><numFmts count=\"1\">"
                + "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd;@\"/></numFmts>"
                + "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs>"
                + "</styleSheet>";
        String workbook = "<workbook " + main
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Pipeline\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        String relations = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/worksheet\"/></Relationships>";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : Map.of(
                            "xl/workbook.xml", workbook,
                            "xl/_rels/workbook.xml.rels", relations,
                            "xl/sharedStrings.xml", strings.toString(),
                            "xl/styles.xml", styles,
                            "xl/worksheets/sheet1.xml", sheet)
                    .entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }
}
