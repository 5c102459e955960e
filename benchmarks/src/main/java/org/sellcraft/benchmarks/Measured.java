package org.sellcraft.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** Figures of one benchmark run, printed by the child process as one line for the parent to read. */
record Measured(String engine, long rows, double seconds, long peakRssKib) {

    private static final String PREFIX = "MEASURED ";

    double rowsPerSecond() {
        return rows / seconds;
    }

    String toLine() {
        return PREFIX + engine + " " + rows + " " + seconds + " " + peakRssKib;
    }

    static boolean isLine(String line) {
        return line.startsWith(PREFIX);
    }

    static Measured parse(String line) {
        String[] parts = line.substring(PREFIX.length()).split(" ");
        return new Measured(parts[0], Long.parseLong(parts[1]), Double.parseDouble(parts[2]), Long.parseLong(parts[3]));
    }

    /** The most memory this process has held (VmHWM), in KiB: heap, native buffers and the database's own. */
    static long currentPeakRssKib() throws IOException {
        return Files.readAllLines(Paths.get("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1L);
    }
}
