package org.sellcraft.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.Session;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class IdentityServiceImplTest {

    private static final String ADMIN_PASSWORD = "first-start-secret";

    @TempDir
    Path dir;

    private MapDbRecordStore store;
    private MutableClock clock;
    private IdentityServiceImpl identities;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(dir);
        clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
        identities = new IdentityServiceImpl(store, config(), clock, ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theFirstStartCreatesOneAdministratorWithAHashedPassword() {
        assertEquals(1, identities.users().size());
        assertEquals(Set.of(Roles.ADMIN), identities.users().get(0).roles());

        String stored = (String) store.get(
                        IdentityServiceImpl.USER_TYPE, identities.users().get(0).id())
                .orElseThrow()
                .get("passwordHash");
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains(ADMIN_PASSWORD));

        new IdentityServiceImpl(store, config(), clock, "another-password");
        assertEquals(1, identities.users().size(), "a second start creates no second administrator");
    }

    @Test
    void aTokenIdentifiesTheCallerUntilItExpires() {
        Session session = identities.login("admin", ADMIN_PASSWORD.toCharArray(), "127.0.0.1");

        Caller caller = identities.authenticate(session.token());
        assertEquals("admin", caller.userName());

        clock.advance(Duration.ofHours(8));
        AuthenticationException expired =
                assertThrows(AuthenticationException.class, () -> identities.authenticate(session.token()));
        assertEquals("The session has expired; sign in again", expired.getMessage());
    }

    @Test
    void logoutAndDisablingRevokeTokens() {
        identities.createUser("lee", "Lee Rep", "rep-password-1".toCharArray(), Set.of(Roles.REP), null);
        Session first = identities.login("lee", "rep-password-1".toCharArray(), "10.0.0.1");
        Session second = identities.login("lee", "rep-password-1".toCharArray(), "10.0.0.1");

        identities.logout(first.token());
        assertThrows(AuthenticationException.class, () -> identities.authenticate(first.token()));
        assertEquals("lee", identities.authenticate(second.token()).userName());

        identities.disableUser("lee");
        assertThrows(AuthenticationException.class, () -> identities.authenticate(second.token()));
        assertThrows(
                AuthenticationException.class,
                () -> identities.login("lee", "rep-password-1".toCharArray(), "10.0.0.1"));
    }

    @Test
    void repeatedFailuresAreThrottledAndTheMessageNeverHoldsThePassword() {
        for (int i = 0; i < 5; i++) {
            AuthenticationException wrong = assertThrows(
                    AuthenticationException.class,
                    () -> identities.login("admin", "guess-123456".toCharArray(), "203.0.113.9"));
            assertFalse(wrong.getMessage().contains("guess-123456"));
        }

        AuthenticationException throttled = assertThrows(
                AuthenticationException.class,
                () -> identities.login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9"));
        assertEquals("Too many failed sign-ins; try again in 900 seconds", throttled.getMessage());

        clock.advance(Duration.ofMinutes(16));
        assertEquals(
                "admin",
                identities
                        .login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9")
                        .caller()
                        .userName());
    }

    @Test
    void badNewUsersAreRefusedWithTheReason() {
        IllegalArgumentException shortPassword = assertThrows(
                IllegalArgumentException.class,
                () -> identities.createUser("kim", null, "short".toCharArray(), Set.of(Roles.REP), null));
        assertEquals("Password must have at least 10 characters", shortPassword.getMessage());

        IllegalArgumentException taken = assertThrows(
                IllegalArgumentException.class,
                () -> identities.createUser("admin", null, "long-enough-1".toCharArray(), Set.of(Roles.REP), null));
        assertEquals("User name 'admin' is taken", taken.getMessage());

        IllegalArgumentException role = assertThrows(
                IllegalArgumentException.class,
                () -> identities.createUser("kim", null, "long-enough-1".toCharArray(), Set.of("boss"), null));
        assertTrue(role.getMessage().startsWith("Unknown role 'boss'"));
    }

    private static IdentityServiceImpl.Config config() {
        return new IdentityServiceImpl.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IdentityServiceImpl.Config.class;
            }

            @Override
            public int sessionHours() {
                return 8;
            }

            @Override
            public int maxFailedSignIns() {
                return 5;
            }

            @Override
            public int throttleMinutes() {
                return 15;
            }
        };
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
