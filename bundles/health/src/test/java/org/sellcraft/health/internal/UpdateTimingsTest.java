package org.sellcraft.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UpdateTimingsTest {

    @Test
    void percentilesAreTakenOverTheLatestUpdatesOnly() {
        UpdateTimings timings = new UpdateTimings(100);
        for (int i = 1; i <= 100; i++) {
            timings.add(1_000_000L);
        }
        for (int i = 1; i <= 100; i++) {
            timings.add(i * 1000L);
        }

        UpdateTimings.Summary summary = timings.summary();

        assertEquals(200, summary.count());
        assertEquals(100, summary.sample());
        assertEquals(50.0, summary.medianMicros());
        assertEquals(99.0, summary.p99Micros());
    }

    @Test
    void anEngineWithoutUpdatesReportsZeros() {
        assertEquals(new UpdateTimings.Summary(0, 0, 0, 0), new UpdateTimings(10).summary());
    }
}
