package org.sellcraft.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per address within a window. Once either reaches its limit, further
 * attempts are refused until the oldest failure leaves the window, which slows password guessing to a crawl
 * without locking a user out for good. An address gets a higher limit than a user name: the people of one office
 * come from one address, and one person's typos must not lock out the others.
 */
final class SignInThrottle {

    private final Clock clock;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock, int maxPerUser, int maxPerAddress, Duration window) {
        this.clock = clock;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** Returns how long the caller must wait before trying again, or {@link Duration#ZERO}. */
    Duration waitFor(String userName, String address) {
        Duration byUser = waitFor("user:" + userName, maxPerUser);
        Duration byAddress = waitFor("address:" + address, maxPerAddress);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    void failed(String userName, String address) {
        record("user:" + userName);
        record("address:" + address);
    }

    void succeeded(String userName) {
        failures.remove("user:" + userName);
    }

    private Duration waitFor(String key, int maxFailures) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            return Duration.between(clock.instant(), times.peekFirst().plus(window));
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.pollFirst();
        }
    }
}
