package org.sellcraft.automation.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * Notifications kept as records: each for a user, a role or both, in English and Chinese, naming the rule or part of
 * the platform it came from. A user's notifications are those addressed to them and to any role they hold; each
 * user marks one read for themselves, so a role's notification stays unread for the others.
 */
final class Notifications {

    static final String TYPE = "notification";

    static final RecordType RECORD_TYPE = new RecordType(
            TYPE,
            "automation-notifications",
            "Notification",
            "通知",
            List.of(
                    field("recipientUser", FieldKind.TEXT).filterable().build(),
                    field("recipientRole", FieldKind.TEXT).filterable().build(),
                    field("textEn", FieldKind.TEXT).required().build(),
                    field("textZh", FieldKind.TEXT).build(),
                    field("ruleId", FieldKind.TEXT).filterable().build(),
                    field("subject", FieldKind.TEXT).filterable().build(),
                    field("createdAt", FieldKind.DATETIME).filterable().build(),
                    field("readBy", FieldKind.TEXT).classed(FieldClass.INTERNAL).build()),
            List.of());

    private final RecordService records;
    private final Clock clock;

    Notifications(RecordService records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Keeps a notification.
     *
     * @param user the user id it is for, or {@code null}
     * @param role the role it is for, or {@code null}; one of user and role is needed
     * @throws IllegalArgumentException when it names nobody or has no text
     */
    Record deliver(String user, String role, String textEn, String textZh, String ruleId, String subject) {
        if (blank(user) && blank(role)) {
            throw new IllegalArgumentException("A notification needs a user or a role");
        }
        if (blank(textEn)) {
            throw new IllegalArgumentException("A notification needs a text");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recipientUser", blank(user) ? null : user);
        fields.put("recipientRole", blank(role) ? null : role);
        fields.put("textEn", textEn);
        fields.put("textZh", blank(textZh) ? null : textZh);
        fields.put("ruleId", ruleId);
        fields.put("subject", subject);
        fields.put("createdAt", clock.instant());
        return records.create(Caller.system(), TYPE, fields);
    }

    /** One notification as its reader sees it. */
    record Shown(
            String id, String textEn, String textZh, String ruleId, String subject, Instant createdAt, boolean read) {}

    /** The caller's notifications, newest first. */
    List<Shown> mine(Caller caller, boolean unreadOnly, int limit) {
        List<Shown> found = new ArrayList<>();
        records.forEach(Caller.system(), TYPE, record -> {
            if (isFor(caller, record)) {
                Shown shown = shown(caller, record);
                if (!unreadOnly || !shown.read()) {
                    found.add(shown);
                }
            }
        });
        found.sort(Comparator.comparing(Shown::createdAt).reversed().thenComparing(Shown::id));
        return found.stream().limit(limit).toList();
    }

    /**
     * Marks one of the caller's notifications read for them.
     *
     * @throws RecordNotFoundException when there is no such notification for the caller
     */
    synchronized Shown markRead(Caller caller, String id) {
        Record record = records.get(Caller.system(), TYPE, id);
        if (!isFor(caller, record)) {
            throw new RecordNotFoundException(TYPE, id);
        }
        Set<String> readers = readers(record);
        if (readers.add(caller.userId())) {
            record = records.update(
                    Caller.system(), TYPE, id, record.version(), Map.of("readBy", String.join(" ", readers)));
        }
        return shown(caller, record);
    }

    private static boolean isFor(Caller caller, Record record) {
        Object role = record.get("recipientRole");
        return caller.userId().equals(record.get("recipientUser")) || (role != null && caller.hasRole((String) role));
    }

    private static Shown shown(Caller caller, Record record) {
        return new Shown(
                record.id(),
                (String) record.get("textEn"),
                (String) record.get("textZh"),
                (String) record.get("ruleId"),
                (String) record.get("subject"),
                (Instant) record.get("createdAt"),
                readers(record).contains(caller.userId()));
    }

    private static Set<String> readers(Record record) {
        Object readBy = record.get("readBy");
        return readBy == null
                ? new LinkedHashSet<>()
                : new LinkedHashSet<>(Arrays.asList(readBy.toString().split(" ")));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
