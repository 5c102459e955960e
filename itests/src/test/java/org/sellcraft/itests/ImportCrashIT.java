package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * Kills an importing process with SIGKILL at random moments, many times, and checks after each kill that the store
 * opens and holds exactly a prefix of the file that ends on a batch boundary: every batch the importer had
 * acknowledged, each line once, and no half batch. Then a last run
 * finishes the file and the store must hold all of it, each line once.
 */
class ImportCrashIT {

    private static final int KILLS = Integer.getInteger("sellcraft.crash.kills", 20);
    private static final int BATCH = 10_000;

    private final Path work =
            Paths.get(System.getProperty("sellcraft.workdir", "target/it")).resolve("crash");
    private final Path storeDir = work.resolve("store");
    private final long seed = Long.getLong("sellcraft.crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Set<Long> committedBatchEnds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Long> storedAfterKills = new ArrayList<>();

    @Test
    void killedImportsKeepEveryAcknowledgedBatchAndNoHalfBatch() throws Exception {
        SellcraftProcess.deleteTree(work);
        RawData.RetailFacts retail = RawData.retail();
        System.out.println("Crash test with -Dsellcraft.crash.seed=" + seed);

        long acknowledged = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            // Each run starts the file from the top, so what counts is the furthest any run got.
            acknowledged = Math.max(acknowledged, runAndKill(800 + random.nextInt(5000)));
            String when = "kill " + kill + " (seed " + seed + ")";
            Map<String, Integer> stored = storedLinesByInvoice();
            long lines = stored.values().stream().mapToLong(Integer::longValue).sum();

            assertTrue(lines >= acknowledged, when + ": " + lines + " lines stored, " + acknowledged + " acknowledged");
            assertTrue(lines <= acknowledged + 2L * BATCH, when + ": more than one batch beyond the last acknowledged");
            storedAfterKills.add(lines);
            assertPrefixOfFile(lines, stored, when);
            assertEquals(RawData.customersInFirstRows(lines), storedCustomers(), when + ": the batches' customers");
        }

        Child last = start();
        assertTrue(last.process.waitFor(10, TimeUnit.MINUTES), "the last run finishes");
        assertEquals(0, last.process.exitValue(), last.output.get());
        assertPrefixOfFile(retail.lines(), storedLinesByInvoice(), "after the last run");
        // Every run cuts the file into the same batches, and the last run acknowledged each of them: whatever a
        // kill left behind must end exactly where one of them ends.
        Set<Long> batchEnds = new TreeSet<>(committedBatchEnds);
        batchEnds.add(0L);
        for (long lines : storedAfterKills) {
            assertTrue(batchEnds.contains(lines), lines + " lines stored after a kill end no batch of " + batchEnds);
        }
        try (MapDbRecordStore store = new MapDbRecordStore(storeDir)) {
            assertEquals(retail.invoices(), store.count(SalesTypes.ORDER));
            assertEquals(retail.customers(), store.count(SalesTypes.ACCOUNT));
        }
    }

    /** Checks that the store holds exactly the invoices, with their line counts, of the file's first rows. */
    private static void assertPrefixOfFile(long rows, Map<String, Integer> stored, String when) throws IOException {
        Map<String, Integer> expected = RawData.linesByInvoiceInFirstRows(rows);
        List<String> differences = new ArrayList<>();
        Set<String> invoices = new TreeSet<>(expected.keySet());
        invoices.addAll(stored.keySet());
        for (String invoice : invoices) {
            if (!Objects.equals(expected.get(invoice), stored.get(invoice))) {
                differences.add(invoice + ": file " + expected.get(invoice) + ", store " + stored.get(invoice));
            }
        }
        assertEquals(
                List.of(),
                differences.subList(0, Math.min(10, differences.size())),
                when + ": the store must hold exactly the first " + rows + " rows; " + differences.size()
                        + " invoices differ");
    }

    /** Starts a child, kills it after the given time, and returns the rows it had acknowledged as committed. */
    private long runAndKill(long millis) throws Exception {
        Child child = start();
        child.opened.await(60, TimeUnit.SECONDS);
        Thread.sleep(millis);
        child.process.destroyForcibly();
        child.process.waitFor(30, TimeUnit.SECONDS);
        child.reader.join(10_000);
        return child.acknowledged.get();
    }

    /** Lines per invoice number in the store, read by opening it as the next start would. */
    private Map<String, Integer> storedLinesByInvoice() {
        Map<String, Integer> lines = new HashMap<>();
        try (MapDbRecordStore store = new MapDbRecordStore(storeDir)) {
            store.forEach(
                    SalesTypes.ORDER,
                    order -> lines.put((String) order.get("orderNumber"), ((List<?>) order.get("lines")).size()));
        }
        return lines;
    }

    /** The customer numbers of the stored accounts, which each batch stores together with its orders. */
    private Set<String> storedCustomers() {
        Set<String> customers = new HashSet<>();
        try (MapDbRecordStore store = new MapDbRecordStore(storeDir)) {
            store.forEach(SalesTypes.ACCOUNT, account -> customers.add((String) account.get("code")));
        }
        return customers;
    }

    private Child start() throws IOException {
        Process process = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashImportChild.class.getName(),
                        storeDir.toString(),
                        RawData.retailFile().toString(),
                        Integer.toString(BATCH))
                .redirectErrorStream(true)
                .start();
        return new Child(process, committedBatchEnds);
    }

    /** A child process and what it has said so far. */
    private static final class Child {
        final Process process;
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicReference<String> output = new AtomicReference<>("");
        final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        final Thread reader;

        private final Set<Long> batchEnds;

        Child(Process process, Set<Long> batchEnds) {
            this.process = process;
            this.batchEnds = batchEnds;
            this.reader = new Thread(this::read, "crash-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(CrashImportChild.OPENED)) {
                        opened.countDown();
                    } else if (line.startsWith(CrashImportChild.COMMITTED)) {
                        long end = Long.parseLong(line.substring(CrashImportChild.COMMITTED.length()));
                        acknowledged.set(end);
                        batchEnds.add(end);
                    } else {
                        output.accumulateAndGet(line, (all, next) -> all.length() > 20_000 ? all : all + "\n" + next);
                    }
                }
            } catch (IOException e) {
                // the child was killed mid-line; what was read so far counts
            }
        }
    }
}
