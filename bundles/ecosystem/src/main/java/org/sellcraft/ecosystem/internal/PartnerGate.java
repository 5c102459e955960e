package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.sellcraft.api.security.AuditLog;

/**
 * The rate limit and circuit breaker of partner systems on the API. Each partner has a per-minute limit, and a
 * baseline: the moving average of its requests per minute. Its circuit opens for a cool-down when a minute's
 * requests rise far above the baseline (a burst) or when too many of its requests are denied within a minute
 * (reads outside its scope, forbidden calls); while open, every request of that partner is refused. Opening,
 * closing and an administrator's reset are audited, and opening alerts the owner.
 */
final class PartnerGate {

    /**
     * The limits.
     *
     * @param requestsPerMinute requests a partner may make in one minute; more are refused without opening the
     *     circuit
     * @param burstFactor the circuit opens when a minute's requests exceed this many times the baseline
     * @param baselineFloor the least baseline assumed, so that a quiet partner's first busy minute is no burst
     * @param deniedPerMinute the circuit opens when more requests than this are denied within a minute
     * @param coolDownSeconds how long the circuit stays open
     */
    record Limits(
            int requestsPerMinute,
            double burstFactor,
            double baselineFloor,
            int deniedPerMinute,
            int coolDownSeconds) {}

    /** Why a request was refused, with the seconds after which to try again. */
    record Refusal(boolean circuitOpen, String reason, long retryAfterSeconds) {}

    private static final double SMOOTHING = 0.2;
    private static final int MAX_QUIET_MINUTES = 60;

    private final Clock clock;
    private final AuditLog audit;
    private final BiConsumer<String, String> alert;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile Limits limits;

    /** One partner's counters. */
    private static final class State {
        long minute;
        int requests;
        int denied;
        double baseline;
        Instant openUntil;
        String openReason;
    }

    /**
     * @param alert told (partner, reason) when a partner's circuit opens
     */
    PartnerGate(Limits limits, Clock clock, AuditLog audit, BiConsumer<String, String> alert) {
        this.limits = limits;
        this.clock = clock;
        this.audit = audit;
        this.alert = alert;
    }

    void limits(Limits changed) {
        this.limits = changed;
    }

    /**
     * Counts a request of a partner and says whether it may pass.
     *
     * @return the refusal, or {@code null} when the request may pass
     */
    Refusal admit(String partner, String from) {
        Instant now = clock.instant();
        State state = states.computeIfAbsent(partner, p -> fresh(now));
        synchronized (state) {
            if (state.openUntil != null) {
                if (now.isBefore(state.openUntil)) {
                    return new Refusal(
                            true,
                            "Access of partner '" + partner + "' is cut until " + state.openUntil + ": "
                                    + state.openReason,
                            seconds(now, state.openUntil));
                }
                close(state, partner, "system", "cool-down over", from);
            }
            roll(state, now);
            state.requests++;
            Limits current = limits;
            double usual = Math.max(state.baseline, current.baselineFloor());
            if (state.requests > current.burstFactor() * usual) {
                open(
                        state,
                        partner,
                        now,
                        "burst of " + state.requests + " requests within a minute against a usual " + Math.round(usual),
                        from);
                return new Refusal(
                        true,
                        "Access of partner '" + partner + "' is cut: " + state.openReason,
                        current.coolDownSeconds());
            }
            if (state.requests > current.requestsPerMinute()) {
                return new Refusal(
                        false,
                        "Partner '" + partner + "' made more than " + current.requestsPerMinute()
                                + " requests this minute",
                        60 - now.getEpochSecond() % 60);
            }
            return null;
        }
    }

    /** Counts a request of a partner that was denied (401, 403, 404), which may open its circuit. */
    void denied(String partner, String from) {
        Instant now = clock.instant();
        State state = states.computeIfAbsent(partner, p -> fresh(now));
        synchronized (state) {
            if (state.openUntil != null) {
                return;
            }
            roll(state, now);
            state.denied++;
            if (state.denied > limits.deniedPerMinute()) {
                open(state, partner, now, state.denied + " denied requests within a minute", from);
            }
        }
    }

    /**
     * Closes a partner's circuit before its cool-down is over.
     *
     * @return whether it was open
     */
    boolean reset(String partner, String by, String from) {
        State state = states.get(partner);
        if (state == null) {
            return false;
        }
        synchronized (state) {
            if (state.openUntil == null) {
                return false;
            }
            close(state, partner, by, "reset by an administrator", from);
            return true;
        }
    }

    /** The partners seen so far with their counters and circuit. */
    List<Map<String, Object>> status() {
        Instant now = clock.instant();
        List<Map<String, Object>> all = new ArrayList<>();
        states.forEach((partner, state) -> {
            synchronized (state) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("partner", partner);
                json.put("open", state.openUntil != null && now.isBefore(state.openUntil));
                json.put("openUntil", state.openUntil);
                json.put("reason", state.openReason);
                json.put("requestsThisMinute", state.requests);
                json.put("deniedThisMinute", state.denied);
                json.put("baselinePerMinute", Math.round(state.baseline * 10) / 10.0);
                all.add(json);
            }
        });
        return all;
    }

    private State fresh(Instant now) {
        State state = new State();
        state.minute = now.getEpochSecond() / 60;
        return state;
    }

    /** Starts a new minute when one has passed, folding the finished minutes into the baseline. */
    private static void roll(State state, Instant now) {
        long minute = now.getEpochSecond() / 60;
        if (minute == state.minute) {
            return;
        }
        state.baseline = state.baseline + SMOOTHING * (state.requests - state.baseline);
        for (long quiet = 1; quiet < Math.min(minute - state.minute, MAX_QUIET_MINUTES); quiet++) {
            state.baseline = state.baseline * (1 - SMOOTHING);
        }
        state.minute = minute;
        state.requests = 0;
        state.denied = 0;
    }

    private void open(State state, String partner, Instant now, String reason, String from) {
        state.openUntil = now.plusSeconds(limits.coolDownSeconds());
        state.openReason = reason;
        audit.record("system", "partner-circuit-open", "partner/" + partner, reason, from);
        alert.accept(partner, reason);
    }

    private void close(State state, String partner, String by, String why, String from) {
        audit.record(by, "partner-circuit-closed", "partner/" + partner, why, from);
        state.openUntil = null;
        state.openReason = null;
        state.requests = 0;
        state.denied = 0;
        state.minute = clock.instant().getEpochSecond() / 60;
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(1, until.getEpochSecond() - now.getEpochSecond());
    }
}
