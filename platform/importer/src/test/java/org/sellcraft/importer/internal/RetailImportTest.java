package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sellcraft.importer.internal.ImportFixture.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.record.RecordIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The full UCI Online Retail file, imported within the 256 MiB heap the build gives the tests. */
class RetailImportTest {

    private static final Logger LOG = LoggerFactory.getLogger(RetailImportTest.class);

    @TempDir
    Path jobs;

    @Test
    void everyInvoiceLineArrivesOnceAndAReimportInsertsNothing() throws IOException {
        Path file = dataset("uci-online-retail/online_retail.csv.gz");
        Counts expected = countIndependently(file);
        try (ImportFixture fixture = new ImportFixture(jobs)) {
            resetPeakHeap();

            ImportJob job = fixture.run(file, "uci-online-retail");

            LOG.info(
                    "Retail import: {} rows at {} rows/s, peak heap {} MiB",
                    job.rowsRead(),
                    Math.round(job.rowsPerSecond()),
                    peakHeapMiB());
            assertEquals(ImportJob.State.DONE, job.state(), job.error());
            assertEquals(541_909, job.rowsRead());
            assertEquals(541_909, job.rowsCommitted());
            assertEquals(0, job.rejected(), () -> job.rejections().toString());
            assertEquals(100.0, job.percent());
            assertEquals(25_900, fixture.records.all("order").size());
            assertEquals(4_372, fixture.records.all("account").size());
            assertEquals(
                    expected.products().size(), fixture.records.all("product").size());
            assertEquals(expected.rows(), lines(fixture).size());
            assertEquals(expected.returns(), returnLines(fixture));
            assertEquals(expected.cancellations(), cancellations(fixture));
            assertStoredInvoice(fixture);

            ImportJob again = fixture.run(file, "uci-online-retail");

            assertEquals(0, again.inserted());
            assertEquals(0, again.updated());
            assertEquals(25_900, fixture.records.all("order").size());
            assertEquals(541_909, lines(fixture).size());
        }
    }

    private static void assertStoredInvoice(ImportFixture fixture) {
        Map<String, Object> order = fixture.records.byKey("order", "536365");
        assertEquals(Instant.parse("2010-12-01T08:26:00Z"), order.get("orderedAt"));
        assertEquals(RecordIds.fromKey("account", "17850"), order.get("accountId"));
        assertEquals("online", order.get("channel"));
        assertEquals("GBP", order.get("currency"));
        assertEquals(false, order.get("cancellation"));
        List<?> lines = (List<?>) order.get("lines");
        assertEquals(7, lines.size());
        Map<?, ?> first = (Map<?, ?>) lines.get(0);
        assertEquals(1L, first.get("lineNo"));
        assertEquals("85123A", first.get("sku"));
        assertEquals(RecordIds.fromKey("product", "85123A"), first.get("productId"));
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", first.get("description"));
        assertEquals(6L, first.get("quantity"));
        assertEquals(new BigDecimal("2.55"), first.get("unitPrice"));
        assertEquals(false, first.get("returned"));
        Map<String, Object> customer = fixture.records.byKey("account", "17850");
        assertEquals("Customer 17850", customer.get("name"));
        assertEquals("United Kingdom", customer.get("country"));
        assertTrue(fixture.records.byKey("order", "C536379").get("accountId") != null);
    }

    private static List<Map<?, ?>> lines(ImportFixture fixture) {
        List<Map<?, ?>> all = new ArrayList<>();
        fixture.records.all("order").forEach(o -> ((List<?>) o.get("lines")).forEach(l -> all.add((Map<?, ?>) l)));
        return all;
    }

    private static long returnLines(ImportFixture fixture) {
        return lines(fixture).stream()
                .filter(l -> Boolean.TRUE.equals(l.get("returned")))
                .count();
    }

    private static long cancellations(ImportFixture fixture) {
        return fixture.records.all("order").stream()
                .filter(o -> Boolean.TRUE.equals(o.get("cancellation")))
                .count();
    }

    /** What the file holds, counted without the importer. */
    private record Counts(long rows, long returns, long cancellations, Set<String> products) {}

    private static Counts countIndependently(Path file) throws IOException {
        long rows = 0;
        long returns = 0;
        Set<String> cancelled = new HashSet<>();
        Set<String> products = new HashSet<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> cells = split(line);
                rows++;
                if (Long.parseLong(cells.get(3)) < 0) {
                    returns++;
                }
                if (cells.get(0).startsWith("C")) {
                    cancelled.add(cells.get(0));
                }
                products.add(cells.get(1));
            }
        }
        return new Counts(rows, returns, cancelled.size(), products);
    }

    // The file quotes values that hold commas and has no line breaks inside values.
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum()
                / (1024 * 1024);
    }
}
