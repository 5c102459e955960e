package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messy and wrong files sent to the import endpoint: each gets its documented error, naming the line, column or
 * value, and nothing stored before is lost or changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportErrorsIT {

    private static final String PIPELINE_HEADER =
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n";
    private static final String ACCOUNTS_HEADER =
            "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n";

    @TempDir
    Path dir;

    private SellcraftProcess sellcraft;
    private ApiClient api;
    private JsonNode storedBefore;

    @BeforeAll
    void startWithTheCrmData() throws Exception {
        sellcraft = SellcraftProcess.unpack("import-errors");
        api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        api.importFile(RawData.dataset("maven-crm/accounts.csv"), "mapping=maven-crm-accounts");
        api.importFile(RawData.dataset("maven-crm/products.csv"), "mapping=maven-crm-products");
        api.importFile(RawData.dataset("maven-crm/sales_teams.csv"), "mapping=maven-crm-teams");
        api.importFile(RawData.pipelineFile(), "mapping=maven-crm-pipeline");
        storedBefore = snapshot();
    }

    @AfterAll
    void stop() throws Exception {
        sellcraft.close();
    }

    /** Every test but the ones that add new records leaves the store exactly as the real files made it. */
    @AfterEach
    void nothingStoredWasLostOrChanged() throws Exception {
        JsonNode now = snapshot();
        assertEquals(storedBefore.get("opportunities"), now.get("opportunities"));
        assertEquals(storedBefore.get("wonValue"), now.get("wonValue"));
    }

    @Test
    void aFileInTheWrongEncodingFailsNamingTheLineAndBytes() throws Exception {
        Path file = write(
                "accounts-gbk.csv",
                ACCOUNTS_HEADER
                        + "Acme Corporation,technolgy,1996,1100.04,2822,United States,\n华为,通信,1987,6420.5,207000,中国,\n",
                Charset.forName("GB18030"));

        JsonNode job = api.importFile(file, "mapping=maven-crm-accounts&charset=UTF-8");

        assertEquals("FAILED", job.get("state").asText());
        assertTrue(
                job.get("error").asText().startsWith("File 'accounts-gbk.csv' cannot be read as UTF-8: line 3"),
                job.get("error").asText());
    }

    @Test
    void aChineseExcelExportInGb18030IsDetected() throws Exception {
        Path file = write("客户.csv", ACCOUNTS_HEADER + "上海贝尔有限公司,通信设备,1984,80,3000,中国,\n", Charset.forName("GB18030"));

        JsonNode job = api.importFile(file, "mapping=maven-crm-accounts");

        assertEquals("DONE", job.get("state").asText(), job.toString());
        assertEquals("GB18030", job.get("charset").asText());
        JsonNode account = api.get(
                        "/api/v1/accounts?code=" + java.net.URLEncoder.encode("上海贝尔有限公司", StandardCharsets.UTF_8))
                .json()
                .get("items")
                .get(0);
        assertEquals("通信设备", account.get("industry").asText());
    }

    @Test
    void aTruncatedLastLineIsRejectedWithItsLineNumberAndTheRestIsStored() throws Exception {
        Path file = write(
                "pipeline-cut.csv",
                PIPELINE_HEADER + "NEW00001,Moses Frase,GTX Pro,Cancity,Engaging,2017-10-20,,\n" + "NEW00002,Moses Fr",
                StandardCharsets.UTF_8);

        JsonNode job = api.importFile(file, "mapping=maven-crm-pipeline");

        assertEquals("DONE", job.get("state").asText());
        assertEquals(1, job.get("rowsCommitted").asLong());
        JsonNode rejection = job.get("rejections").get(0);
        assertEquals(3, rejection.get("line").asLong());
        assertEquals(
                "the row has 2 values but the header has 8 columns",
                rejection.get("reason").asText());
        deleteOpportunity("NEW00001");
    }

    @Test
    void aDateInAWrongFormatNamesLineColumnAndValueInTheReport() throws Exception {
        Path file = write(
                "pipeline-dates.csv",
                PIPELINE_HEADER + "1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,31.02.2017,9999\n",
                StandardCharsets.UTF_8);

        JsonNode job = api.importFile(file, "mapping=maven-crm-pipeline");

        assertEquals(0, job.get("rowsCommitted").asLong());
        ApiClient.Reply report = api.get("/api/v1/imports/" + job.get("id").asText() + "/rejections");
        assertEquals(200, report.status());
        assertTrue(report.contentType().startsWith("text/csv"), report.contentType());
        assertEquals(
                List.of(
                        "line,column,value,reason",
                        "2,close_date,31.02.2017,\"not a date in a known form (for example 2017-03-01, 3/1/2017, "
                                + "1-Mar-17 or 2017/3/1)\""),
                report.body().lines().toList());
    }

    @Test
    void aDuplicateKeyInOneFileIsRejectedNamingTheFirstLine() throws Exception {
        Path file = write(
                "pipeline-dupes.csv",
                PIPELINE_HEADER + "NEW00003,Moses Frase,GTX Pro,Cancity,Engaging,2017-10-20,,\n"
                        + "NEW00003,Moses Frase,GTX Pro,Cancity,Won,2017-10-20,2017-12-01,5000\n",
                StandardCharsets.UTF_8);

        JsonNode job = api.importFile(file, "mapping=maven-crm-pipeline");

        JsonNode rejection = job.get("rejections").get(0);
        assertEquals(3, rejection.get("line").asLong());
        assertEquals("opportunity_id", rejection.get("column").asText());
        assertEquals(
                "Duplicate key: line 2 holds the same opportunity [code]",
                rejection.get("reason").asText());
        deleteOpportunity("NEW00003");
    }

    @Test
    void anUnknownColumnIsReportedAndStrictModeRefusesTheFile() throws Exception {
        Path file = write(
                "pipeline-extra.csv",
                PIPELINE_HEADER.replace("\n", ",discount\n")
                        + "1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054,5%\n",
                StandardCharsets.UTF_8);

        JsonNode lenient = api.importFile(file, "mapping=maven-crm-pipeline");
        assertEquals("[\"discount\"]", lenient.get("ignoredColumns").toString());
        assertEquals(1, lenient.get("unchanged").asLong());

        JsonNode strict = api.importFile(file, "mapping=maven-crm-pipeline&strict=true");
        assertEquals("FAILED", strict.get("state").asText());
        assertEquals(
                "Strict import refused: mapping 'maven-crm-pipeline' does not use the column(s) 'discount'",
                strict.get("error").asText());
    }

    @Test
    void aMissingColumnFailsBeforeAnyWrite() throws Exception {
        Path file = write(
                "pipeline-short.csv",
                "opportunity_id,sales_agent,product\n1C1I7A6R,Moses Frase,GTX Plus Basic\n",
                StandardCharsets.UTF_8);

        JsonNode job = api.importFile(file, "mapping=maven-crm-pipeline");

        assertEquals("FAILED", job.get("state").asText());
        assertTrue(
                job.get("error").asText().contains("deal_stage"),
                job.get("error").asText());
    }

    @Test
    void anUnknownMappingOrNoneIsRefusedAtOnce() throws Exception {
        Path file = write("x.csv", PIPELINE_HEADER, StandardCharsets.UTF_8);

        ApiClient.Reply unknown = api.send(uploadRequest(file, "mapping=no-such-mapping"));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.json().get("detail").asText().contains("no-such-mapping"), unknown.body());

        ApiClient.Reply none = api.send(uploadRequest(file, "fileName=x.csv"));
        assertEquals(422, none.status(), none.body());
        assertEquals("mapping", none.json().get("field").asText());
    }

    private java.net.http.HttpRequest.Builder uploadRequest(Path file, String query) throws Exception {
        return java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sellcraft.baseUrl() + "/api/v1/imports?" + query))
                .header("Authorization", "Bearer " + api.token())
                .header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofFile(file));
    }

    private JsonNode snapshot() throws Exception {
        long opportunities =
                api.get("/api/v1/opportunities?limit=1").json().get("total").asLong();
        java.math.BigDecimal won = java.math.BigDecimal.ZERO;
        for (int offset = 0; offset < opportunities; offset += 1000) {
            for (JsonNode o : api.get("/api/v1/opportunities?stage=Won&limit=1000&offset=" + offset)
                    .json()
                    .get("items")) {
                won = won.add(o.get("value").decimalValue());
            }
        }
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("opportunities", opportunities)
                .put("wonValue", won);
    }

    private void deleteOpportunity(String code) throws Exception {
        JsonNode found = api.get("/api/v1/opportunities?code=" + code)
                .json()
                .get("items")
                .get(0);
        ApiClient.Reply deleted = api.delete("/api/v1/opportunities/"
                + found.get("id").asText() + "?version=" + found.get("version").asLong());
        assertEquals(204, deleted.status(), deleted.body());
    }

    private Path write(String name, String content, Charset charset) throws Exception {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }
}
