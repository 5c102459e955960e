package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The customer health engine on the full retail file, side by side with DuckDB computing the same recency,
 * frequency, spend and purchase intervals in SQL over the same file: full recomputation, one live update, one
 * customer's score over REST, and the heap the engine holds. Run by the {@code benchmarks} profile only; see the
 * README for the command.
 */
class HealthBenchmark {

    private static final int ROUNDS = 3;
    /** More than the engine keeps timings of, so that its percentiles cover single orders only. */
    private static final int SINGLE_ORDERS = 1100;

    private static final int WARM_UP_READS = 300;
    private static final int TIMED_READS = 2000;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final String ENGINE_CLASS = "org.sellcraft.health.internal.HealthEngine";

    /** The customers' figures, as the engine defines them: see RawRetail in the health bundle's tests. */
    private static final String FIGURES_SQL =
            """
            WITH last AS (SELECT max(CAST(substr(InvoiceDate, 1, 10) AS DATE)) AS day FROM retail),
            lines AS (
              SELECT replace(CustomerID, '.0', '') AS customer, InvoiceNo AS invoice,
                     CAST(substr(InvoiceDate, 1, 10) AS DATE) AS day,
                     starts_with(InvoiceNo, 'C') AS cancellation,
                     NOT (upper(trim(StockCode)) IN ('POST', 'DOT', 'M', 'C2', 'D', 'S', 'B', 'BANK CHARGES',
                          'AMAZONFEE', 'CRUK') OR starts_with(upper(trim(StockCode)), 'GIFT_0001_')) AS product,
                     CAST(Quantity AS BIGINT) AS quantity, CAST(UnitPrice AS DECIMAL(18, 3)) AS price
              FROM retail WHERE coalesce(CustomerID, '') <> ''),
            invoices AS (
              SELECT customer, invoice, max(day) AS day,
                     bool_or(product AND quantity > 0 AND NOT cancellation) AS purchase,
                     sum(CASE WHEN product AND quantity > 0 AND NOT cancellation THEN quantity * price ELSE 0 END)
                       - sum(CASE WHEN product AND quantity < 0 THEN -quantity * price ELSE 0 END) AS net
              FROM lines GROUP BY customer, invoice),
            days AS (SELECT DISTINCT customer, day FROM invoices WHERE purchase),
            gaps AS (
              SELECT customer, day - lag(day) OVER (PARTITION BY customer ORDER BY day) AS gap, day FROM days),
            rhythm AS (
              SELECT customer, list(gap ORDER BY day) FILTER (WHERE gap IS NOT NULL) AS intervals,
                     median(gap) AS usual
              FROM gaps GROUP BY customer)
            SELECT i.customer,
                   date_diff('day', max(i.day) FILTER (WHERE i.purchase), last.day) AS recency,
                   count(*) FILTER (WHERE i.purchase AND i.day > last.day - 365) AS frequency,
                   coalesce(sum(i.net) FILTER (WHERE i.day > last.day - 365), 0) AS monetary,
                   any_value(r.intervals) AS intervals, any_value(r.usual) AS usual
            FROM invoices i CROSS JOIN last LEFT JOIN rhythm r ON r.customer = i.customer
            GROUP BY i.customer, last.day
            HAVING bool_or(i.purchase)
            """;

    @Test
    void healthEngineAgainstDuckDb() throws Exception {
        Map<String, Object[]> peer = new HashMap<>();
        List<String> rows = new ArrayList<>();
        double peerMillis = duckDb(peer);

        try (SellcraftProcess sellcraft = SellcraftProcess.unpack("health-benchmark")) {
            KarafConsole console = KarafConsole.prepare(sellcraft.home(), SellcraftProcess.ADMIN_PASSWORD);
            ApiClient api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
            JsonNode job = api.importFile(RawData.retailFile(), "mapping=uci-online-retail");
            assertEquals("DONE", job.get("state").asText(), job.toString());
            awaitHealth(api, peer.size());
            // Compared before the benchmark adds orders of its own.
            int mismatches = compareFigures(api, peer);
            JsonNode liveUpdates = addSingleOrders(api, new ArrayList<>(peer.keySet()));

            double[] rescore = recompute(api, false);
            double[] rebuild = recompute(api, true);
            double[] reads = readScores(api, new ArrayList<>(peer.keySet()));
            int scored =
                    api.get("/api/v1/health/summary").json().get("customers").asInt();
            long[] heap = engineHeap(sellcraft, console);

            rows.add(row("customers scored", peer.size(), scored));
            rows.add(row("figures that differ (200 customers)", 0, mismatches));
            rows.add(String.format(
                    Locale.ROOT,
                    "%-44s %14.1f %14.1f %8.2fx",
                    "full recomputation, ms (median of " + ROUNDS + ")",
                    peerMillis,
                    rescore[ROUNDS / 2],
                    rescore[ROUNDS / 2] / peerMillis));
            rows.add(String.format(
                    Locale.ROOT,
                    "%-44s %14.1f %14.1f %8.2fx",
                    "  the same, reading every order from store",
                    peerMillis,
                    rebuild[ROUNDS / 2],
                    rebuild[ROUNDS / 2] / peerMillis));
            rows.add(String.format(
                    Locale.ROOT,
                    "%-44s %14s %14.1f",
                    "live order update, median us",
                    "-",
                    liveUpdates.get("updateMedianMicros").asDouble()));
            rows.add(String.format(
                    Locale.ROOT,
                    "%-44s %14s %14.1f",
                    "live order update, p99 us",
                    "-",
                    liveUpdates.get("updateP99Micros").asDouble()));
            rows.add(String.format(
                    Locale.ROOT, "%-44s %14s %14.2f", "score + explanation over REST, median ms", "-", reads[0]));
            rows.add(String.format(
                    Locale.ROOT, "%-44s %14s %14.2f", "score + explanation over REST, p99 ms", "-", reads[1]));
            rows.add(String.format(
                    Locale.ROOT,
                    "%-44s %14s %14d",
                    "heap held by the engine, MiB (after full GC)",
                    "-",
                    (heap[0] - heap[1]) / 1024));
        }

        System.out.printf(
                Locale.ROOT,
                "%n%-44s %14s %14s %9s%n",
                "customer health, full retail file",
                "DuckDB",
                "Sellcraft",
                "ratio");
        rows.forEach(System.out::println);
    }

    private static String row(String label, int peer, int sellcraft) {
        return String.format(Locale.ROOT, "%-44s %14d %14d", label, peer, sellcraft);
    }

    /** Loads the file into DuckDB in memory, then times the figures query; returns its median time. */
    private static double duckDb(Map<String, Object[]> figures) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = duck.createStatement()) {
            sql.execute("CREATE TABLE retail AS SELECT * FROM read_csv('" + RawData.retailFile()
                    + "', header = true, all_varchar = true)");
            double[] millis = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                figures.clear();
                long started = System.nanoTime();
                try (ResultSet rs = sql.executeQuery(FIGURES_SQL)) {
                    while (rs.next()) {
                        figures.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)});
                    }
                }
                millis[round] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(millis);
            return millis[ROUNDS / 2];
        }
    }

    /** Waits until the engine scored every customer as of the file's last day and has nothing left to fold in. */
    private static void awaitHealth(ApiClient api, int customers) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        long lastUpdates = -1;
        while (System.nanoTime() < deadline) {
            ApiClient.Reply summary = api.get("/api/v1/health/summary");
            long updates =
                    api.get("/api/v1/health/stats").json().get("orderUpdates").asLong();
            if (summary.status() == 200
                    && summary.json().get("customers").asInt() >= customers
                    && updates == lastUpdates) {
                return;
            }
            lastUpdates = updates;
            Thread.sleep(2000);
        }
        throw new IllegalStateException("Customer health did not take in the imported orders");
    }

    /**
     * Adds orders one at a time, the way a shop's system sends them, and returns the engine's stats once it has taken
     * them all in: its percentiles then cover these orders only.
     */
    private static JsonNode addSingleOrders(ApiClient api, List<String> customers)
            throws IOException, InterruptedException {
        long before = api.get("/api/v1/health/stats").json().get("orderUpdates").asLong();
        Random random = new Random(11);
        for (int i = 1; i <= SINGLE_ORDERS; i++) {
            String code = customers.get(random.nextInt(customers.size()));
            String accountId = api.get("/api/v1/accounts?code=" + code)
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asText();
            ApiClient.Reply created = api.post(
                    "/api/v1/orders",
                    Map.of(
                            "orderNumber",
                            "BENCH-" + i,
                            "accountId",
                            accountId,
                            "orderedAt",
                            "2011-12-09T15:00:00Z",
                            "channel",
                            "online",
                            "lines",
                            List.of(Map.of("lineNo", 1, "sku", "85123A", "quantity", 6, "unitPrice", 2.55))));
            assertEquals(201, created.status(), created.body());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode stats = api.get("/api/v1/health/stats").json();
            if (stats.get("orderUpdates").asLong() >= before + SINGLE_ORDERS) {
                return stats;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The engine did not take in the single orders");
    }

    private static double[] recompute(ApiClient api, boolean rebuild) throws IOException {
        double[] millis = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ApiClient.Reply done = api.post("/api/v1/health/recompute?rebuild=" + rebuild, Map.of());
            assertEquals(200, done.status(), done.body());
            millis[round] = done.json().get("millis").asDouble();
        }
        Arrays.sort(millis);
        return millis;
    }

    /** Reads random customers' scores one after another; returns the median and the 99th percentile in ms. */
    private static double[] readScores(ApiClient api, List<String> customers) throws IOException {
        Random random = new Random(42);
        double[] millis = new double[TIMED_READS];
        for (int i = 0; i < WARM_UP_READS + TIMED_READS; i++) {
            String customer = customers.get(random.nextInt(customers.size()));
            long started = System.nanoTime();
            ApiClient.Reply reply = api.get("/api/v1/health/customers/" + customer);
            double elapsed = (System.nanoTime() - started) / 1e6;
            assertEquals(200, reply.status(), reply.body());
            if (i >= WARM_UP_READS) {
                millis[i - WARM_UP_READS] = elapsed;
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[TIMED_READS / 2], millis[(int) Math.ceil(TIMED_READS * 0.99) - 1]};
    }

    /** Compares recency, frequency and spend of 200 customers with DuckDB's; returns how many differ. */
    private static int compareFigures(ApiClient api, Map<String, Object[]> peer) throws IOException {
        List<String> customers = new ArrayList<>(peer.keySet());
        Collections.shuffle(customers, new Random(7));
        int mismatches = 0;
        for (String customer : customers.subList(0, 200)) {
            JsonNode figures =
                    api.get("/api/v1/health/customers/" + customer).json().get("figures");
            Object[] expected = peer.get(customer);
            boolean same = figures.get("recencyDays").asLong() == (long) expected[0]
                    && figures.get("frequency").asLong() == (long) expected[1]
                    && Math.abs(figures.get("monetary").asDouble() - ((BigDecimal) expected[2]).doubleValue()) < 0.005;
            if (!same) {
                mismatches++;
                System.out.println(
                        "Differs for " + customer + ": " + figures + " against " + Arrays.toString(expected));
            }
        }
        return mismatches;
    }

    /**
     * The heap in use after a full collection with the engine, then without it: KiB, KiB. The REST layer retires
     * the container that served the module's resources 30 s after it swapped in a new one, so the engine is only
     * gone from the heap after that: the second figure is taken once its classes have left the histogram.
     */
    private static long[] engineHeap(SellcraftProcess sellcraft, KarafConsole console) throws Exception {
        long pid = sellcraft.javaPid();
        long with = heapUsedKib(pid);
        System.out.println(engineClasses(pid));
        System.out.println(console.run("feature:uninstall sellcraft-health"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (engineClasses(pid).contains(ENGINE_CLASS)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The health engine is still on the heap 120 s after its uninstall");
            }
            Thread.sleep(2000);
        }
        long without = heapUsedKib(pid);
        System.out.printf(
                Locale.ROOT,
                "Heap in use after a full collection: %d KiB with the engine, %d KiB without%n",
                with,
                without);
        return new long[] {with, without};
    }

    /** The histogram lines of the engine's own classes: none should be left once the module is uninstalled. */
    private static String engineClasses(long pid) throws IOException, InterruptedException {
        return jcmd(pid, "GC.class_histogram")
                .lines()
                .filter(line -> line.contains("org.sellcraft.health."))
                .limit(5)
                .reduce("Engine classes on the heap:", (all, line) -> all + "\n" + line);
    }

    private static long heapUsedKib(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Thread.sleep(1000);
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd printed no heap figure");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }
}
