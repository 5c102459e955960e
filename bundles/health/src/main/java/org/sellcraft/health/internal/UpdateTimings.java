package org.sellcraft.health.internal;

import java.util.Arrays;

/**
 * How long the latest incremental updates took, kept in a fixed ring so that an engine that runs for months holds
 * the same few kilobytes. Operators read the median and the 99th percentile to see whether live scoring keeps up.
 */
final class UpdateTimings {

    private final long[] nanos;
    private long recorded;

    UpdateTimings(int kept) {
        this.nanos = new long[kept];
    }

    synchronized void add(long durationNanos) {
        nanos[(int) (recorded % nanos.length)] = durationNanos;
        recorded++;
    }

    /** Returns the updates timed since the start, the latest ones kept, and their median and 99th percentile. */
    synchronized Summary summary() {
        int kept = (int) Math.min(recorded, nanos.length);
        long[] sorted = Arrays.copyOf(nanos, kept);
        Arrays.sort(sorted);
        return new Summary(recorded, kept, micros(percentile(sorted, 50)), micros(percentile(sorted, 99)));
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    /**
     * @param count updates timed since the engine started
     * @param sample the latest updates the percentiles are taken over
     * @param medianMicros the median, in microseconds
     * @param p99Micros the 99th percentile, in microseconds
     */
    record Summary(long count, int sample, double medianMicros, double p99Micros) {}
}
