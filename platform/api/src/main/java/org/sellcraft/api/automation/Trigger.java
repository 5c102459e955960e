package org.sellcraft.api.automation;

import java.util.Objects;

/**
 * When a rule is evaluated.
 *
 * @param kind whether a record event or a schedule starts it
 * @param recordType for {@link Kind#EVENT}, the record type whose changes it hears; the record's fields are its facts
 * @param action for {@link Kind#EVENT}, {@code CREATED}, {@code UPDATED} or {@code DELETED} (see
 *     {@link org.sellcraft.api.event.RecordEvents})
 * @param schedule for {@link Kind#SCHEDULE}, how often it runs
 * @param factSource for {@link Kind#SCHEDULE}, the name of the {@link FactSource} that supplies one set of facts
 *     per subject and period
 * @param subjectField a fact that must equal {@code subjectValue} for the rule to be evaluated at all, for example
 *     {@code partnerId} for a clause of one partner's contract; {@code null} for a rule about every subject
 * @param subjectValue the value {@code subjectField} must have
 * @param dateField the fact that dates a record in a dry run over past data, for example {@code deliveredAt}
 */
public record Trigger(
        Kind kind,
        String recordType,
        String action,
        Schedule schedule,
        String factSource,
        String subjectField,
        String subjectValue,
        String dateField) {

    /** What starts an evaluation. */
    public enum Kind {
        EVENT,
        SCHEDULE
    }

    /** How often a scheduled rule runs; it judges the period that just ended. */
    public enum Schedule {
        /** On the first day of each month, over the month before. */
        MONTHLY,
        /** Every day, over the day before. */
        DAILY
    }

    public Trigger {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EVENT && (recordType == null || action == null)) {
            throw new IllegalArgumentException("An event trigger needs a recordType and an action");
        }
        if (kind == Kind.SCHEDULE && (schedule == null || factSource == null)) {
            throw new IllegalArgumentException("A schedule trigger needs a schedule and a factSource");
        }
        if ((subjectField == null) != (subjectValue == null)) {
            throw new IllegalArgumentException("subjectField and subjectValue go together");
        }
    }

    /** A trigger on a record event, for example {@code onRecord("delivery", "CREATED", "deliveredAt")}. */
    public static Trigger onRecord(String recordType, String action, String dateField) {
        return new Trigger(Kind.EVENT, recordType, action, null, null, null, null, dateField);
    }

    /** A trigger on a schedule whose facts come from the named source. */
    public static Trigger every(Schedule schedule, String factSource) {
        return new Trigger(Kind.SCHEDULE, null, null, schedule, factSource, null, null, null);
    }

    /** Returns a copy that applies only where the fact {@code field} equals {@code value}. */
    public Trigger about(String field, String value) {
        return new Trigger(kind, recordType, action, schedule, factSource, field, value, dateField);
    }
}
