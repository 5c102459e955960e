package org.sellcraft.examples.complaints.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sellcraft.api.record.Record;

/**
 * The add-on's index of complaints by customer, kept from the store at start and from record events after. The
 * health factor reads it for every rescoring, so it answers from memory.
 */
final class OpenComplaints {

    /** What the index keeps of one complaint. */
    record Complaint(String id, String accountId, String reference, LocalDate openedOn, String severity, boolean open) {

        boolean high() {
            return ComplaintType.HIGH.equals(severity);
        }
    }

    private final Map<String, Complaint> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Complaint>> byAccount = new ConcurrentHashMap<>();

    /** Indexes a complaint, replacing what was known of it; returns it, or nothing for one without a customer. */
    Optional<Complaint> put(Record record) {
        remove(record.id());
        if (!(record.get("accountId") instanceof String accountId)) {
            return Optional.empty();
        }
        Complaint complaint = new Complaint(
                record.id(),
                accountId,
                String.valueOf(record.get("reference")),
                record.get("openedOn") instanceof LocalDate day ? day : null,
                String.valueOf(record.get("severity")),
                ComplaintType.OPEN.equals(record.get("status")));
        byId.put(complaint.id(), complaint);
        byAccount.computeIfAbsent(accountId, a -> new ConcurrentHashMap<>()).put(complaint.id(), complaint);
        return Optional.of(complaint);
    }

    /** Drops a complaint from the index; returns what was known of it. */
    Optional<Complaint> remove(String id) {
        Complaint removed = byId.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        Map<String, Complaint> ofAccount = byAccount.get(removed.accountId());
        if (ofAccount != null) {
            ofAccount.remove(id);
        }
        return Optional.of(removed);
    }

    /** The complaints of one customer, open and closed. */
    Collection<Complaint> of(String accountId) {
        return byAccount.getOrDefault(accountId, Map.of()).values();
    }

    /** The open complaints of one customer, oldest first. */
    List<Complaint> openOf(String accountId) {
        return of(accountId).stream()
                .filter(Complaint::open)
                .sorted((a, b) -> compareDays(a.openedOn(), b.openedOn()))
                .toList();
    }

    private static int compareDays(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }
}
