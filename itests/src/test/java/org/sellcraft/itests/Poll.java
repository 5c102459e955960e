package org.sellcraft.itests;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waiting for a state of the running platform to appear, by polling it, never by a bare sleep. */
final class Poll {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long EVERY_MS = 250;

    private Poll() {}

    /** Asks the condition until it holds; fails naming what did not come within three minutes. */
    static void until(String what, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not come within " + PATIENCE.toMinutes() + " minutes");
            }
            Thread.sleep(EVERY_MS);
        }
    }
}
