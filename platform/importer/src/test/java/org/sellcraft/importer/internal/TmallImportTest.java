package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sellcraft.importer.internal.ImportFixture.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.record.RecordIds;

/**
 * The real Chinese order report, as published in UTF-8 and as a Chinese Excel would save it in GB18030: headers with
 * trailing spaces, CRLF, provinces as regions. Expected figures are read from the raw file here.
 */
class TmallImportTest {

    private static final String FILE = "tmall-cn/tmall_order_report.csv";

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
    void theUtf8ReportImportsEveryOrderWithItsPaidAmountAndProvince() throws IOException {
        assertMatchesTheRawFile(fixture.run(dataset(FILE), "tmall-orders"), "UTF-8");
    }

    @Test
    void theSameReportSavedInGb18030IsDetectedAndReadAlike() throws IOException {
        Path gb = dir.resolve("tmall_order_report_gb18030.csv");
        Files.writeString(gb, Files.readString(dataset(FILE), StandardCharsets.UTF_8), Charset.forName("GB18030"));

        assertMatchesTheRawFile(fixture.run(gb, "tmall-orders"), "GB18030");
    }

    private void assertMatchesTheRawFile(ImportJob job, String charset) throws IOException {
        RawReport raw = RawReport.read(dataset(FILE));
        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(0, job.rejected(), () -> job.rejections().toString());
        assertEquals(charset, job.charset());
        assertEquals(28_010, raw.orders());
        assertEquals(raw.orders(), job.rowsCommitted());

        List<Map<String, Object>> orders = List.copyOf(fixture.records.all("order"));
        assertEquals(raw.orders(), orders.size());
        BigDecimal paid = orders.stream()
                .map(order -> (BigDecimal) ((Map<?, ?>) ((List<?>) order.get("lines")).get(0)).get("unitPrice"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, raw.paid().compareTo(paid), raw.paid() + " paid in the file, " + paid + " stored");
        assertEquals(raw.provinces().size(), fixture.records.all("region").size());
        Map<String, Object> first = fixture.records.byKey("order", "TMALL-1");
        assertEquals("CNY", first.get("currency"));
        assertEquals(RecordIds.fromKey("region", "上海"), first.get("regionId"), "the first order went to 上海");
        assertEquals("上海", fixture.records.byKey("region", "上海").get("name"));
    }

    /** Orders, the sum actually paid and the provinces, read from the raw file with plain string handling. */
    private record RawReport(long orders, BigDecimal paid, Set<String> provinces) {

        static RawReport read(Path file) throws IOException {
            long orders = 0;
            BigDecimal paid = BigDecimal.ZERO;
            Set<String> provinces = new HashSet<>();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] cells = line.split(",", -1);
                    orders++;
                    paid = paid.add(new BigDecimal(cells[2]));
                    provinces.add(cells[3]);
                }
            }
            return new RawReport(orders, paid, provinces);
        }
    }
}
