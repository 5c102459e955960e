package org.sellcraft.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.ApiKey;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IssuedKey;
import org.sellcraft.api.store.RecordStore;
import org.sellcraft.api.store.RecordWrite;

/**
 * API keys of machine clients. A key reads {@code sck_<id>_<secret>}: the id finds the stored key, and only a
 * SHA-256 hash of the whole key is kept, which is enough for 256 random bits (a slow hash protects guessable
 * passwords, not random keys). When a key was last used is kept in memory only, to spare a disk write per request.
 */
final class ApiKeys {

    static final String TYPE = "security-apikey";

    private static final String PREFIX = "sck_";
    private static final String INVALID = "The API key is not valid";

    private final RecordStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

    ApiKeys(RecordStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    IssuedKey create(Caller createdBy, String userName, String name) {
        String id = HexFormat.of().formatHex(bytes(6));
        String secret = newSecret(id);
        Instant now = clock.instant();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name == null || name.isBlank() ? "API key" : name);
        fields.put("userName", userName);
        fields.put("secretHash", sha256(secret));
        fields.put("revoked", Boolean.FALSE);
        Record key = new Record(TYPE, id, 1, now, now, fields);
        store.write(List.of(new RecordWrite.Put(key, 0)));
        audit.record(createdBy.userName(), "key-created", "key/" + id, "for user " + userName, createdBy.address());
        return new IssuedKey(toKey(key), secret);
    }

    IssuedKey rotate(Caller changedBy, String id) {
        Record key = find(id);
        if (Boolean.TRUE.equals(key.get("revoked"))) {
            throw new IllegalArgumentException("API key '" + id + "' is revoked; make a new one");
        }
        String secret = newSecret(id);
        Record rotated = change(key, "secretHash", sha256(secret));
        audit.record(changedBy.userName(), "key-rotated", "key/" + id, null, changedBy.address());
        return new IssuedKey(toKey(rotated), secret);
    }

    ApiKey revoke(Caller changedBy, String id) {
        Record revoked = change(find(id), "revoked", Boolean.TRUE);
        audit.record(changedBy.userName(), "key-revoked", "key/" + id, null, changedBy.address());
        return toKey(revoked);
    }

    void revokeAllOf(Caller changedBy, String userName) {
        for (ApiKey key : list()) {
            if (key.userName().equals(userName) && !key.revoked()) {
                revoke(changedBy, key.id());
            }
        }
    }

    /** Returns the user name a key acts as, and audits the use. */
    String userOf(String secret, String remoteAddress) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.indexOf('_', PREFIX.length()) < 0) {
            throw new AuthenticationException(INVALID);
        }
        String id = secret.substring(PREFIX.length(), secret.indexOf('_', PREFIX.length()));
        Record key = store.get(TYPE, id).orElseThrow(() -> new AuthenticationException(INVALID));
        boolean matches = MessageDigest.isEqual(
                sha256(secret).getBytes(StandardCharsets.US_ASCII),
                ((String) key.get("secretHash")).getBytes(StandardCharsets.US_ASCII));
        if (!matches || Boolean.TRUE.equals(key.get("revoked"))) {
            audit.record(null, "key-refused", "key/" + id, null, remoteAddress);
            throw new AuthenticationException(INVALID);
        }
        lastUsed.put(id, clock.instant());
        audit.record((String) key.get("userName"), "key-used", "key/" + id, null, remoteAddress);
        return (String) key.get("userName");
    }

    List<ApiKey> list() {
        List<ApiKey> keys = new ArrayList<>();
        store.forEach(TYPE, key -> keys.add(toKey(key)));
        keys.sort(Comparator.comparing(ApiKey::createdAt));
        return keys;
    }

    private Record find(String id) {
        return store.get(TYPE, id).orElseThrow(() -> new IllegalArgumentException("No API key '" + id + "'"));
    }

    private Record change(Record key, String field, Object value) {
        Map<String, Object> fields = new LinkedHashMap<>(key.fields());
        fields.put(field, value);
        Record changed = new Record(TYPE, key.id(), key.version() + 1, key.createdAt(), clock.instant(), fields);
        store.write(List.of(new RecordWrite.Put(changed, key.version())));
        return changed;
    }

    private ApiKey toKey(Record key) {
        return new ApiKey(
                key.id(),
                (String) key.get("name"),
                (String) key.get("userName"),
                key.createdAt(),
                lastUsed.get(key.id()),
                Boolean.TRUE.equals(key.get("revoked")));
    }

    private String newSecret(String id) {
        return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
