package org.sellcraft.security.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.security.ApiKey;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.IssuedKey;
import org.sellcraft.api.security.NewUser;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.Session;
import org.sellcraft.api.security.SignInThrottledException;
import org.sellcraft.api.security.UserAccount;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users with Argon2id password hashes in the record store, and bearer-token sessions held in memory by the hash
 * of their token (a restart signs everyone out), and API keys for machine clients. On the very first start it
 * creates the administrator. Sign-ins, failures and permission changes go to the audit log.
 */
@Component(service = IdentityService.class, configurationPid = "org.sellcraft.security")
@Designate(ocd = IdentityServiceImpl.Config.class)
public class IdentityServiceImpl implements IdentityService {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityServiceImpl.class);

    /** Users live in the store under a type that no REST collection serves. */
    static final String USER_TYPE = "security-user";

    static final String ADMIN_USER = "admin";
    private static final int MIN_PASSWORD_LENGTH = 10;
    private static final int TOKEN_BYTES = 32;

    @ObjectClassDefinition(name = "Sellcraft identities", description = "Sign-in, sessions and throttling")
    public @interface Config {

        @AttributeDefinition(name = "Session hours", description = "How long a sign-in token stays valid")
        int sessionHours() default 8;

        @AttributeDefinition(
                name = "Failed sign-ins allowed",
                description = "Failures for one user name within the window before its attempts are refused")
        int maxFailedSignIns() default 5;

        @AttributeDefinition(
                name = "Failed sign-ins allowed per address",
                description = "Failures from one address, for any user names, within the window before attempts from"
                        + " it are refused; higher than the per-user limit, because an office shares one address")
        int maxFailedSignInsPerAddress() default 50;

        @AttributeDefinition(name = "Throttle window (minutes)", description = "How long a failure counts")
        int throttleMinutes() default 15;
    }

    private final RecordStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration sessionLength;
    private final SignInThrottle throttle;
    private final PasswordHasher hasher = new PasswordHasher();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ActiveSession> sessions = new ConcurrentHashMap<>();
    private final ApiKeys keys;

    @Activate
    public IdentityServiceImpl(@Reference RecordStore store, @Reference AuditLog audit, Config config) {
        this(store, audit, config, Clock.systemUTC(), InitialAdminPassword.ofThisInstance());
    }

    IdentityServiceImpl(RecordStore store, AuditLog audit, Config config, Clock clock, String initialAdminPassword) {
        this(store, audit, config, clock, new InitialAdminPassword(initialAdminPassword, null));
    }

    IdentityServiceImpl(
            RecordStore store, AuditLog audit, Config config, Clock clock, InitialAdminPassword initialAdminPassword) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.keys = new ApiKeys(store, audit, clock);
        this.sessionLength = Duration.ofHours(config.sessionHours());
        this.throttle = new SignInThrottle(
                clock,
                config.maxFailedSignIns(),
                config.maxFailedSignInsPerAddress(),
                Duration.ofMinutes(config.throttleMinutes()));
        createFirstAdministrator(initialAdminPassword);
    }

    private record ActiveSession(String userId, Caller caller, Instant expiresAt) {}

    private void createFirstAdministrator(InitialAdminPassword initialPassword) {
        if (store.count(USER_TYPE) > 0) {
            initialPassword.forget();
            return;
        }
        Optional<String> chosen = initialPassword.chosen();
        boolean generated = chosen.isEmpty();
        String password = chosen.orElseGet(this::generatePassword);
        createUser(
                Caller.system(),
                new NewUser(
                        ADMIN_USER, "Administrator", password.toCharArray(), Set.of(Roles.ADMIN), null, null, null));
        initialPassword.forget();
        LOG.info("Created the first administrator '{}'", ADMIN_USER);
        if (generated) {
            // Printed once on the console, never logged: only its hash is kept.
            System.out.println();
            System.out.println("Sellcraft administrator created. Sign in as 'admin' with password: " + password);
            System.out.println("This password is shown only once. Keep it safe.");
            System.out.println();
        }
    }

    private String generatePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Session login(String userName, char[] password, String remoteAddress) {
        try {
            Duration wait = throttle.waitFor(userName, remoteAddress);
            if (!wait.isZero() && !wait.isNegative()) {
                LOG.warn("Sign-in for '{}' from '{}' refused: too many failures", userName, remoteAddress);
                audit.record(userName, "login-throttled", userName, null, remoteAddress);
                throw new SignInThrottledException(Math.max(1, wait.toSeconds()));
            }
            Optional<Record> user = findUser(userName);
            boolean valid = user.isPresent()
                    && Boolean.TRUE.equals(user.get().get("enabled"))
                    && hasher.verify(password, (String) user.get().get("passwordHash"));
            if (!valid) {
                throttle.failed(userName, remoteAddress);
                LOG.info("Failed sign-in for '{}' from '{}'", userName, remoteAddress);
                audit.record(userName, "login-failed", userName, null, remoteAddress);
                throw new AuthenticationException("Wrong user name or password, or the user is disabled");
            }
            throttle.succeeded(userName);
            audit.record(userName, "login", userName, null, remoteAddress);
            return openSession(user.get());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Session openSession(Record user) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Caller caller = toCaller(user);
        Instant expiresAt = clock.instant().plus(sessionLength);
        sessions.put(digest(token), new ActiveSession(user.id(), caller, expiresAt));
        return new Session(token, caller, expiresAt);
    }

    @Override
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Sign in first: no bearer token was sent");
        }
        String key = digest(token);
        ActiveSession session = sessions.get(key);
        if (session == null) {
            throw new AuthenticationException("The token is not valid; sign in again");
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(key);
            throw new AuthenticationException("The session has expired; sign in again");
        }
        return session.caller();
    }

    @Override
    public void logout(String token) {
        if (token != null) {
            sessions.remove(digest(token));
        }
    }

    @Override
    public UserAccount createUser(Caller createdBy, NewUser user) {
        Set<String> roles = user.roles() == null ? Set.of() : user.roles();
        checkNewUser(user.userName(), user.password(), roles);
        checkPartnerLink(roles, user.partnerId());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userName", user.userName());
        fields.put("displayName", user.displayName() == null ? user.userName() : user.displayName());
        fields.put("passwordHash", hasher.hash(user.password()));
        fields.put("roles", String.join(",", new LinkedHashSet<>(roles)));
        putIfSet(fields, "partnerId", user.partnerId());
        putIfSet(fields, "personId", user.personId());
        if (user.regionIds() != null && !user.regionIds().isEmpty()) {
            fields.put("regionIds", String.join(",", user.regionIds()));
        }
        fields.put("enabled", Boolean.TRUE);
        Instant now = clock.instant();
        Record record = new Record(USER_TYPE, RecordIds.fromKey(USER_TYPE, user.userName()), 1, now, now, fields);
        store.write(List.of(new RecordWrite.Put(record, 0)));
        audit.record(
                createdBy.userName(),
                "permission-changed",
                "user/" + user.userName(),
                "created with roles " + roles,
                createdBy.address());
        return toAccount(record);
    }

    private static void putIfSet(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
    }

    private void checkNewUser(String userName, char[] password, Set<String> roles) {
        if (userName == null || !userName.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("User name must be 2 to 64 letters, digits or . _ @ - characters");
        }
        if (findUser(userName).isPresent()) {
            throw new IllegalArgumentException("User name '" + userName + "' is taken");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        checkRoles(roles);
    }

    private static void checkRoles(Set<String> roles) {
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("Unknown role '" + role + "'; roles are " + Roles.ALL);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role; roles are " + Roles.ALL);
        }
    }

    /**
     * A partner user belongs to one partner organisation, which decides what they see; a staff role next to a
     * partner role would lift that limit, and a partner role without an organisation would see nothing useful.
     */
    private static void checkPartnerLink(Set<String> roles, String partnerId) {
        boolean partner = roles.stream().anyMatch(Roles.PARTNER_ROLES::contains);
        boolean staff = roles.stream().anyMatch(role -> !Roles.PARTNER_ROLES.contains(role));
        boolean linked = partnerId != null && !partnerId.isBlank();
        if (partner && staff) {
            throw new ValidationException(
                    "roles",
                    null,
                    "mixes partner roles " + Roles.PARTNER_ROLES + " with staff roles; a user is one or the other");
        }
        if (partner && !linked) {
            throw new ValidationException("partnerId", null, "is required for a user with a partner role");
        }
        if (!partner && linked) {
            throw new ValidationException("partnerId", null, "is only for users with a partner role");
        }
    }

    @Override
    public UserAccount changeRoles(Caller changedBy, String userName, Set<String> roles) {
        checkRoles(roles);
        Record user =
                findUser(userName).orElseThrow(() -> new IllegalArgumentException("No user named '" + userName + "'"));
        checkPartnerLink(roles, (String) user.get("partnerId"));
        Map<String, Object> fields = new LinkedHashMap<>(user.fields());
        fields.put("roles", String.join(",", new LinkedHashSet<>(roles)));
        Record changed =
                new Record(USER_TYPE, user.id(), user.version() + 1, user.createdAt(), clock.instant(), fields);
        store.write(List.of(new RecordWrite.Put(changed, user.version())));
        sessions.values().removeIf(session -> session.userId().equals(user.id()));
        audit.record(
                changedBy.userName(),
                "permission-changed",
                "user/" + userName,
                "roles now " + roles,
                changedBy.address());
        return toAccount(changed);
    }

    @Override
    public UserAccount disableUser(Caller changedBy, String userName) {
        Record user =
                findUser(userName).orElseThrow(() -> new IllegalArgumentException("No user named '" + userName + "'"));
        Map<String, Object> fields = new LinkedHashMap<>(user.fields());
        fields.put("enabled", Boolean.FALSE);
        Record disabled =
                new Record(USER_TYPE, user.id(), user.version() + 1, user.createdAt(), clock.instant(), fields);
        store.write(List.of(new RecordWrite.Put(disabled, user.version())));
        sessions.values().removeIf(session -> session.userId().equals(user.id()));
        keys.revokeAllOf(changedBy, userName);
        audit.record(changedBy.userName(), "permission-changed", "user/" + userName, "disabled", changedBy.address());
        LOG.info("User '{}' disabled and signed out", userName);
        return toAccount(disabled);
    }

    @Override
    public List<UserAccount> users() {
        List<UserAccount> users = new ArrayList<>();
        store.forEach(USER_TYPE, user -> users.add(toAccount(user)));
        users.sort(java.util.Comparator.comparing(UserAccount::userName));
        return users;
    }

    private Optional<Record> findUser(String userName) {
        return userName == null ? Optional.empty() : store.get(USER_TYPE, RecordIds.fromKey(USER_TYPE, userName));
    }

    private static Caller toCaller(Record user) {
        return new Caller(
                user.id(),
                (String) user.get("userName"),
                roles(user),
                (String) user.get("partnerId"),
                (String) user.get("personId"),
                regions(user));
    }

    private static UserAccount toAccount(Record user) {
        return new UserAccount(
                user.id(),
                (String) user.get("userName"),
                (String) user.get("displayName"),
                roles(user),
                (String) user.get("partnerId"),
                (String) user.get("personId"),
                regions(user),
                Boolean.TRUE.equals(user.get("enabled")),
                user.createdAt());
    }

    private static Set<String> roles(Record user) {
        return Set.of(((String) user.get("roles")).split(","));
    }

    private static Set<String> regions(Record user) {
        String regions = (String) user.get("regionIds");
        return regions == null ? Set.of() : Set.of(regions.split(","));
    }

    @Override
    public Caller authenticateKey(String secret, String remoteAddress) {
        String userName = keys.userOf(secret, remoteAddress);
        Record user = findUser(userName)
                .filter(u -> Boolean.TRUE.equals(u.get("enabled")))
                .orElseThrow(() -> new AuthenticationException("The API key is not valid"));
        return toCaller(user);
    }

    @Override
    public IssuedKey createKey(Caller createdBy, String userName, String name) {
        if (findUser(userName).isEmpty()) {
            throw new IllegalArgumentException("No user named '" + userName + "'");
        }
        return keys.create(createdBy, userName, name);
    }

    @Override
    public IssuedKey rotateKey(Caller changedBy, String keyId) {
        return keys.rotate(changedBy, keyId);
    }

    @Override
    public ApiKey revokeKey(Caller changedBy, String keyId) {
        return keys.revoke(changedBy, keyId);
    }

    @Override
    public List<ApiKey> keys() {
        return keys.list();
    }

    private static String digest(String token) {
        return ApiKeys.sha256(token);
    }
}
