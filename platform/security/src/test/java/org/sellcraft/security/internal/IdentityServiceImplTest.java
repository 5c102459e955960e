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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IssuedKey;
import org.sellcraft.api.security.NewUser;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.Session;
import org.sellcraft.api.security.SignInThrottledException;
import org.sellcraft.api.security.UserAccount;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class IdentityServiceImplTest {

    private static final String ADMIN_PASSWORD = "first-start-secret";

    @TempDir
    Path dir;

    private MapDbRecordStore store;
    private StoredAuditLog audit;
    private MutableClock clock;
    private IdentityServiceImpl identities;

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(dir);
        clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
        audit = new StoredAuditLog(store, clock);
        identities = new IdentityServiceImpl(store, audit, config(), clock, ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        audit.close();
        store.close();
    }

    private UserAccount rep(String name, String password) {
        return identities.createUser(
                Caller.system(),
                new NewUser(name, null, password.toCharArray(), Set.of(Roles.REP), null, "rep-1", null));
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

        new IdentityServiceImpl(store, audit, config(), clock, "another-password");
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
        rep("lee", "rep-password-1");
        Session first = identities.login("lee", "rep-password-1".toCharArray(), "10.0.0.1");
        Session second = identities.login("lee", "rep-password-1".toCharArray(), "10.0.0.1");

        identities.logout(first.token());
        assertThrows(AuthenticationException.class, () -> identities.authenticate(first.token()));
        assertEquals("lee", identities.authenticate(second.token()).userName());

        identities.disableUser(Caller.system(), "lee");
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

        SignInThrottledException throttled = assertThrows(
                SignInThrottledException.class,
                () -> identities.login("admin", ADMIN_PASSWORD.toCharArray(), "203.0.113.9"));
        assertEquals("Too many failed sign-ins; try again in 900 seconds", throttled.getMessage());
        assertEquals(900, throttled.retryAfterSeconds());

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
        IllegalArgumentException shortPassword =
                assertThrows(IllegalArgumentException.class, () -> rep("kim", "short"));
        assertEquals("Password must have at least 10 characters", shortPassword.getMessage());

        IllegalArgumentException taken =
                assertThrows(IllegalArgumentException.class, () -> rep("admin", "long-enough-1"));
        assertEquals("User name 'admin' is taken", taken.getMessage());

        IllegalArgumentException role = assertThrows(
                IllegalArgumentException.class,
                () -> identities.createUser(
                        Caller.system(),
                        new NewUser("kim", null, "long-enough-1".toCharArray(), Set.of("boss"), null, null, null)));
        assertTrue(role.getMessage().startsWith("Unknown role 'boss'"));
    }

    @Test
    void aPartnerUserBelongsToAPartnerAndHoldsNoStaffRole() {
        ValidationException unlinked =
                assertThrows(ValidationException.class, () -> user("d1", Set.of(Roles.DEALER), null, Set.of("North")));
        assertEquals("partnerId", unlinked.field());
        ValidationException mixed = assertThrows(
                ValidationException.class, () -> user("d2", Set.of(Roles.DEALER, Roles.MANAGER), "P1", Set.of()));
        assertEquals("roles", mixed.field());
        ValidationException staff =
                assertThrows(ValidationException.class, () -> user("r1", Set.of(Roles.REP), "P1", Set.of()));
        assertEquals("partnerId", staff.field());

        user("d3", Set.of(Roles.DEALER, Roles.LOGISTICS), "P1", Set.of("North"));
        Caller dealer = identities.authenticate(
                identities.login("d3", "long-enough-1".toCharArray(), "::1").token());
        assertEquals("P1", dealer.partnerId());
        assertEquals(Set.of("North"), dealer.regionIds());
        ValidationException promoted = assertThrows(
                ValidationException.class,
                () -> identities.changeRoles(Caller.system(), "d3", Set.of(Roles.DEALER, Roles.ADMIN)));
        assertEquals("roles", promoted.field());
    }

    private UserAccount user(String name, Set<String> roles, String partnerId, Set<String> regions) {
        return identities.createUser(
                Caller.system(),
                new NewUser(name, null, "long-enough-1".toCharArray(), roles, partnerId, null, regions));
    }

    @Test
    void aTokenCarriesTheUsersPersonForOwnerScopes() {
        rep("lee", "rep-password-1");

        Caller lee = identities.authenticate(
                identities.login("lee", "rep-password-1".toCharArray(), "::1").token());

        assertEquals("rep-1", lee.personId());
        assertEquals(Set.of(Roles.REP), lee.roles());
    }

    @Test
    void apiKeysAreShownOnceStoredHashedRotatedAndRevoked() {
        rep("erp-bridge", "machine-password-1");
        IssuedKey issued = identities.createKey(Caller.system(), "erp-bridge", "ERP sync");
        assertTrue(issued.secret().startsWith("sck_" + issued.key().id() + "_"));
        String stored = store.get(ApiKeys.TYPE, issued.key().id())
                .orElseThrow()
                .fields()
                .toString();
        assertFalse(stored.contains(issued.secret()), "only a hash of the key is stored");

        assertEquals(
                "erp-bridge",
                identities.authenticateKey(issued.secret(), "10.1.1.1").userName());

        IssuedKey rotated = identities.rotateKey(Caller.system(), issued.key().id());
        assertThrows(AuthenticationException.class, () -> identities.authenticateKey(issued.secret(), "10.1.1.1"));
        assertEquals(
                "erp-bridge",
                identities.authenticateKey(rotated.secret(), "10.1.1.1").userName());

        identities.revokeKey(Caller.system(), issued.key().id());
        AuthenticationException revoked = assertThrows(
                AuthenticationException.class, () -> identities.authenticateKey(rotated.secret(), "10.1.1.1"));
        assertEquals("The API key is not valid", revoked.getMessage());
        assertTrue(identities.keys().get(0).revoked());
    }

    @Test
    void changingRolesEndsTheSessionsAndIsAudited() {
        rep("lee", "rep-password-1");
        Session before = identities.login("lee", "rep-password-1".toCharArray(), "::1");

        UserAccount changed = identities.changeRoles(Caller.system(), "lee", Set.of(Roles.MANAGER));

        assertEquals(Set.of(Roles.MANAGER), changed.roles());
        assertThrows(AuthenticationException.class, () -> identities.authenticate(before.token()));
        Caller after = identities.authenticate(
                identities.login("lee", "rep-password-1".toCharArray(), "::1").token());
        assertEquals(Set.of(Roles.MANAGER), after.roles());
        assertEquals(
                "roles now [manager]",
                audit.query("system", "permission-changed", null, null, 1)
                        .get(0)
                        .detail());
    }

    @Test
    void signInsFailuresAndKeyUseAreAudited() {
        rep("lee", "rep-password-1");
        identities.login("lee", "rep-password-1".toCharArray(), "192.0.2.7");
        assertThrows(
                AuthenticationException.class,
                () -> identities.login("lee", "wrong-password".toCharArray(), "192.0.2.8"));

        List<AuditEntry> entries = audit.query("lee", null, null, null, 10);

        assertEquals(
                List.of("login-failed", "login"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals("192.0.2.8", entries.get(0).from());
        assertFalse(entries.toString().contains("rep-password-1"));
        assertFalse(entries.toString().contains("wrong-password"));
    }

    @Test
    void oneColleaguesTyposFromASharedAddressDoNotLockOutTheOthersButASprayDoes() {
        for (int i = 0; i < 5; i++) {
            assertThrows(
                    AuthenticationException.class,
                    () -> identities.login("lee", "typo-123456".toCharArray(), "198.51.100.7"));
        }

        assertEquals(
                "admin",
                identities
                        .login("admin", ADMIN_PASSWORD.toCharArray(), "198.51.100.7")
                        .caller()
                        .userName());
        for (int i = 0; i < 3; i++) {
            String user = "nobody-" + i;
            assertThrows(
                    AuthenticationException.class,
                    () -> identities.login(user, "guess-123456".toCharArray(), "198.51.100.7"));
        }
        assertThrows(
                SignInThrottledException.class,
                () -> identities.login("admin", ADMIN_PASSWORD.toCharArray(), "198.51.100.7"));
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
            public int maxFailedSignInsPerAddress() {
                return 8;
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
