package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.Rejection;

class BadInputTest {

    private static final String ACCOUNTS_HEADER =
            "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n";
    private static final String PIPELINE_HEADER =
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";

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

    private Path file(String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    private ImportJob run(Path file, String mapping, boolean strict, String charset) {
        return fixture.run(new ImportRequest(file, null, mapping, null, strict, 0, charset), null);
    }

    @Test
    void chineseTextInGb18030IsDetectedAndReadCorrectly() throws IOException {
        String huawei = "华为技术有限公司,通信设备,1987,6420.5,207000,中国,\n";
        String bell = "上海贝尔,通信设备,1984,80,3000,中国,华为技术有限公司\n";
        Path file = file("accounts-gbk.csv", ACCOUNTS_HEADER + huawei + bell, Charset.forName("GB18030"));

        ImportJob job = run(file, "maven-crm-accounts", false, null);

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals("GB18030", job.charset());
        assertEquals("通信设备", fixture.records.byKey("account", "华为技术有限公司").get("industry"));
        assertEquals("中国", fixture.records.byKey("account", "上海贝尔").get("country"));
    }

    @Test
    void aForcedWrongCharsetFailsNamingTheLineAndBytes() throws IOException {
        Path file = file(
                "accounts-gbk.csv",
                ACCOUNTS_HEADER + "Acme,tech,1996,1.5,10,US,\n华为,通信,1987,6420.5,207000,中国,\n",
                Charset.forName("GB18030"));

        ImportJob job = run(file, "maven-crm-accounts", false, "UTF-8");

        assertEquals(ImportJob.State.FAILED, job.state());
        assertEquals(
                "File 'accounts-gbk.csv' cannot be read as UTF-8: line 3 holds the bytes BB; name its character set"
                        + " with the charset parameter (for example charset=ISO-8859-1, or --charset at the console),"
                        + " or give none to have it detected",
                job.error());
        assertEquals(0, fixture.records.all("account").size());
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsDetected() throws Exception {
        Path file = file(
                "accounts-utf16.csv",
                "\uFEFF" + ACCOUNTS_HEADER + "Acme,tech,1996,1.5,10,US,\n",
                StandardCharsets.UTF_16LE);

        ImportJob job = run(file, "maven-crm-accounts", false, null);

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals("UTF-16LE", job.charset());
        assertEquals("tech", fixture.records.byKey("account", "Acme").get("industry"));
    }

    @Test
    void utf16WithoutAByteOrderMarkIsReadByItsZeroBytes() throws IOException {
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = file(
                    "accounts-" + charset.name() + ".csv", ACCOUNTS_HEADER + "Acme,tech,1996,1.5,10,US,\n", charset);

            ImportJob job = run(file, "maven-crm-accounts", false, null);

            assertEquals(ImportJob.State.DONE, job.state(), job.error());
            assertEquals(charset.name(), job.charset());
            assertEquals("tech", fixture.records.byKey("account", "Acme").get("industry"));
        }
    }

    @Test
    void aTruncatedLastLineIsRejectedWithItsLineNumber() throws IOException {
        Path file = file(
                "pipeline.csv",
                PIPELINE_HEADER + "A1,Moses Frase,GTX Pro,Cancity,Won,2016-10-20,2017-03-01,1054\n"
                        + "A2,Moses Frase,GTX Pro,,Prospecting,,,\n"
                        + "A3,\"Moses Frase,GTX Pro,Cancity,Won,2016-10-20",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-pipeline", false, null);

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(2, job.rowsCommitted());
        assertEquals(
                List.of(new Rejection(
                        4, null, "", "a quoted value is not closed before the end of the file, so the row is cut off")),
                job.rejections());
    }

    @Test
    void aRowWithTooFewValuesIsRejectedWithItsLineNumber() throws IOException {
        Path file = file(
                "pipeline.csv",
                PIPELINE_HEADER + "A1,Moses Frase,GTX Pro,Cancity,Won,2016-10-20,2017-03-01,1054\r\nA2,Moses Fr",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-pipeline", false, null);

        assertEquals(1, job.rowsCommitted());
        assertEquals(
                List.of(new Rejection(3, null, "A2,Moses Fr", "the row has 2 values but the header has 8 columns")),
                job.rejections());
    }

    @Test
    void aDateInAnUnknownFormNamesLineColumnAndValue() throws IOException {
        Path file = file(
                "pipeline.csv",
                PIPELINE_HEADER + "A1,Moses Frase,GTX Pro,Cancity,Won,2016-10-20,2017-03-01,1054\n"
                        + "A2,Moses Frase,GTX Pro,Cancity,Won,20.10.2016,31.02.2017,1054\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-pipeline", false, null);

        assertEquals(1, job.rowsCommitted());
        assertEquals(
                List.of(new Rejection(
                        3,
                        "close_date",
                        "31.02.2017",
                        "not a date in a known form (for example 2017-03-01, 3/1/2017, 1-Mar-17 or 2017/3/1)")),
                job.rejections());
        Path report = fixture.importer.rejectionReport(job.id()).orElseThrow();
        assertEquals(
                List.of(
                        "line,column,value,reason",
                        "3,close_date,31.02.2017,\"not a date in a known form (for example 2017-03-01, 3/1/2017, "
                                + "1-Mar-17 or 2017/3/1)\""),
                Files.readAllLines(report));
    }

    @Test
    void aSecondRowWithTheSameKeyIsRejectedAndTheFirstKept() throws IOException {
        Path file = file(
                "pipeline.csv",
                PIPELINE_HEADER + "A1,Moses Frase,GTX Pro,Cancity,Won,2016-10-20,2017-03-01,1054\n"
                        + "A2,Moses Frase,GTX Pro,Cancity,Lost,2016-10-20,2017-03-01,0\n"
                        + "A1,Moses Frase,GTX Pro,Cancity,Lost,2016-10-20,2017-03-01,0\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-pipeline", false, null);

        assertEquals(2, job.rowsCommitted());
        assertEquals(
                List.of(new Rejection(
                        4, "opportunity_id", "A1", "Duplicate key: line 2 holds the same opportunity [code]")),
                job.rejections());
        assertEquals("Won", fixture.records.byKey("opportunity", "A1").get("stage"));
    }

    @Test
    void aStageOutsideTheTypesValuesIsRejected() throws IOException {
        Path file = file(
                "pipeline.csv",
                PIPELINE_HEADER + "A1,Moses Frase,GTX Pro,Cancity,Closed,2016-10-20,2017-03-01,1054\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-pipeline", false, null);

        assertEquals(
                List.of(new Rejection(
                        2,
                        "deal_stage",
                        "Closed",
                        "not one of Prospecting, Engaging, Proposal, Negotiation, Won, Lost")),
                job.rejections());
    }

    @Test
    void anUnknownColumnIsListedAndRefusedInStrictMode() throws IOException {
        Path file = file(
                "accounts.csv",
                "account,sector,year_established,revenue,employees,office_location,subsidiary_of,notes\n"
                        + "Acme,tech,1996,1.5,10,US,,call back\n",
                StandardCharsets.UTF_8);

        ImportJob lenient = run(file, "maven-crm-accounts", false, null);
        ImportJob strict = run(file, "maven-crm-accounts", true, null);

        assertEquals(ImportJob.State.DONE, lenient.state());
        assertEquals(List.of("notes"), lenient.ignoredColumns());
        assertEquals(ImportJob.State.FAILED, strict.state());
        assertEquals(
                "Strict import refused: mapping 'maven-crm-accounts' does not use the column(s) 'notes'",
                strict.error());
    }

    @Test
    void aMissingColumnFailsTheJobBeforeAnyWrite() throws IOException {
        Path file = file(
                "accounts.csv",
                " account ,year_established,revenue,employees,office_location,subsidiary_of\nAcme,1996,1.5,10,US,\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-accounts", false, null);

        assertEquals(ImportJob.State.FAILED, job.state());
        assertEquals(
                "File 'accounts.csv' lacks the column(s) 'sector' that mapping 'maven-crm-accounts' needs; its "
                        + "columns are 'account', 'year_established', 'revenue', 'employees', 'office_location', "
                        + "'subsidiary_of'",
                job.error());
        assertEquals(0, fixture.records.upsertCalls());
    }

    @Test
    void aRejectedValueThatASpreadsheetWouldRunIsNeutralisedInTheReport() throws IOException {
        Path file = file(
                "accounts.csv",
                ACCOUNTS_HEADER + "Acme,tech,=1+1,1.5,10,US,\nBeta,tech,1999,2.5,@SUM(A1),US,\n"
                        + "Gamma,tech,-cmd|' /C calc'!A0,3,30,US,\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-accounts", false, null);

        assertEquals("=1+1", job.rejections().get(0).value(), "the job keeps the value as it was");
        Path report = fixture.importer.rejectionReport(job.id()).orElseThrow();
        assertEquals(
                List.of(
                        "line,column,value,reason",
                        "2,year_established,'=1+1,not a whole number",
                        "3,employees,'@SUM(A1),not a whole number",
                        "4,year_established,'-cmd|' /C calc'!A0,not a whole number"),
                Files.readAllLines(report));
    }

    @Test
    void onlyTextThatStartsLikeAFormulaIsChanged() {
        assertEquals("'+86 138", RejectionReport.neutralise("+86 138"));
        assertEquals("'\tx", RejectionReport.neutralise("\tx"));
        assertEquals("'\rx", RejectionReport.neutralise("\rx"));
        assertEquals("Acme", RejectionReport.neutralise("Acme"));
        assertEquals("", RejectionReport.neutralise(""));
        assertEquals(null, RejectionReport.neutralise(null));
    }

    @Test
    void strictModeStoresNothingWhenOneRowIsBad() throws IOException {
        Path file = file(
                "accounts.csv",
                ACCOUNTS_HEADER
                        + "Acme,tech,1996,1.5,10,US,\nBeta,tech,nineteen,2.5,20,US,\nGamma,tech,2001,3,30,US,\n",
                StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-accounts", true, null);

        assertEquals(ImportJob.State.FAILED, job.state());
        assertEquals("Strict import refused: 1 row(s) rejected, nothing stored; see the rejection report", job.error());
        assertEquals(List.of(new Rejection(3, "year_established", "nineteen", "not a whole number")), job.rejections());
        assertEquals(0, fixture.records.upsertCalls());
        assertTrue(fixture.importer.rejectionReport(job.id()).isPresent());
    }

    @Test
    void strictModeImportsAFileWithoutFaults() throws IOException {
        Path file = file("accounts.csv", ACCOUNTS_HEADER + "Acme,tech,1996,1.5,10,US,\n", StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-accounts", true, null);

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(1, job.inserted());
        assertEquals(1, job.rowsRead());
    }

    @Test
    void anEmptyFileFailsSayingItHasNoHeader() throws IOException {
        Path file = file("empty.csv", "", StandardCharsets.UTF_8);

        ImportJob job = run(file, "maven-crm-accounts", false, null);

        assertEquals("File 'empty.csv' is empty: it has no header row", job.error());
    }

    @Test
    void unknownMappingsCharsetsAndFilesAreRefusedAtOnce() throws IOException {
        Path file = file("accounts.csv", ACCOUNTS_HEADER, StandardCharsets.UTF_8);

        IllegalArgumentException mapping =
                assertThrows(IllegalArgumentException.class, () -> run(file, "crm", false, null));
        IllegalArgumentException charset =
                assertThrows(IllegalArgumentException.class, () -> run(file, "maven-crm-accounts", false, "klingon"));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class, () -> run(dir.resolve("nope.csv"), "maven-crm-accounts", false, null));

        assertEquals(
                "Unknown mapping 'crm'; the available ones are 'maven-crm-accounts', 'maven-crm-products', "
                        + "'maven-crm-teams', 'maven-crm-pipeline', 'uci-online-retail', 'tmall-orders'",
                mapping.getMessage());
        assertEquals("Unknown charset 'klingon'", charset.getMessage());
        assertEquals("Cannot read the file 'nope.csv'", missing.getMessage());
    }
}
