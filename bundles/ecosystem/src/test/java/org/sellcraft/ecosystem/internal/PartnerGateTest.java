package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuditLog;

class PartnerGateTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final List<String> audited = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, String detail, String from) {
            audited.add(actor + " " + action + " " + target + " " + detail);
        }

        @Override
        public List<AuditEntry> query(String actor, String action, Instant from, Instant to, int limit) {
            return List.of();
        }
    };
    private final PartnerGate gate = new PartnerGate(
            new PartnerGate.Limits(600, 10, 20, 30, 300), clock, audit, (p, reason) -> alerts.add(p + ": " + reason));

    /** Ten quiet minutes of 20 requests each: the partner's usual pattern. */
    private void usualTraffic() {
        for (int minute = 0; minute < 10; minute++) {
            for (int i = 0; i < 20; i++) {
                assertNull(gate.admit("p1", null));
            }
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void aBurstFarAboveTheUsualRateCutsAccessForTheCoolDownAndAccessReturnsAfterIt() {
        usualTraffic();

        int passed = 0;
        PartnerGate.Refusal refusal = null;
        while (refusal == null) {
            refusal = gate.admit("p1", null);
            passed += refusal == null ? 1 : 0;
        }

        assertEquals(200, passed);
        assertTrue(refusal.circuitOpen());
        assertEquals(300, refusal.retryAfterSeconds());
        assertEquals(
                "Access of partner 'p1' is cut: burst of 201 requests within a minute against a usual 20",
                refusal.reason());
        assertEquals(List.of("p1: burst of 201 requests within a minute against a usual 20"), alerts);
        assertEquals(
                List.of("system partner-circuit-open partner/p1 burst of 201 requests"
                        + " within a minute against a usual 20"),
                audited);
        assertNull(gate.admit("p2", null), "another partner is not affected");

        clock.advance(Duration.ofSeconds(299));
        PartnerGate.Refusal stillOpen = gate.admit("p1", null);
        assertEquals(1, stillOpen.retryAfterSeconds());
        assertTrue(
                stillOpen.reason().startsWith("Access of partner 'p1' is cut until 2026-03-02T09:15:00Z: burst"),
                stillOpen.reason());

        clock.advance(Duration.ofSeconds(1));
        assertNull(gate.admit("p1", null));
        assertEquals("system partner-circuit-closed partner/p1 cool-down over", audited.get(1));
    }

    @Test
    void repeatedDenialsCutAccessAndAnAdministratorCanRestoreIt() {
        for (int i = 0; i < 30; i++) {
            gate.admit("p1", null);
            gate.denied("p1", null);
        }
        assertNull(gate.admit("p1", null));

        gate.denied("p1", null);
        PartnerGate.Refusal refusal = gate.admit("p1", null);

        assertTrue(refusal.circuitOpen());
        assertTrue(refusal.reason().endsWith(": 31 denied requests within a minute"), refusal.reason());
        assertTrue(gate.reset("p1", "admin", "127.0.0.1"));
        assertEquals("admin partner-circuit-closed partner/p1 reset by an administrator", audited.get(1));
        assertNull(gate.admit("p1", null));
        assertFalse(gate.reset("p1", "admin", null), "nothing to reset once closed");
    }

    @Test
    void aSteadyPartnerOverItsLimitIsRefusedUntilTheMinuteEndsWithoutBeingCutOff() {
        PartnerGate steady = new PartnerGate(
                new PartnerGate.Limits(100, 1000, 20, 30, 300), clock, audit, (p, reason) -> alerts.add(p));
        for (int i = 0; i < 100; i++) {
            assertNull(steady.admit("p1", null));
        }

        PartnerGate.Refusal limited = steady.admit("p1", null);

        assertFalse(limited.circuitOpen());
        assertEquals("Partner 'p1' made more than 100 requests this minute", limited.reason());
        assertEquals(60, limited.retryAfterSeconds());
        assertTrue(alerts.isEmpty());
        clock.advance(Duration.ofMinutes(1));
        assertNull(steady.admit("p1", null));
    }
}
