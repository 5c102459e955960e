package org.sellcraft.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthPoint;
import org.sellcraft.api.health.HealthScore;

/**
 * One customer as the engine holds it: the facts of their orders, their contacts and account, their current score
 * and what is remembered across restarts (the settled band, the alert and the recorded history). Only the engine's
 * thread changes it; readers see the current score through a volatile field, and the alert under the object's lock.
 */
final class CustomerState {

    final String accountId;
    private final Map<String, OrderFact> orders = new HashMap<>(8);
    private final Map<String, CustomerHistory.Contact> contacts = new HashMap<>(2);
    private OrderFact[] byDay = new OrderFact[0];
    private volatile AccountInfo account = AccountInfo.UNKNOWN;
    private volatile HealthScore current;

    /** The band at the last settled moment: alerts compare with it. */
    HealthBand settledBand;
    /** The last score written to the recorded history. */
    HealthPoint lastRecorded;

    final List<HealthPoint> recorded = new ArrayList<>();
    private HealthAlert alert;
    volatile boolean dirty;

    CustomerState(String accountId) {
        this.accountId = accountId;
    }

    /** Forgets orders and contacts before they are read again; what is remembered across restarts stays. */
    void clearData() {
        orders.clear();
        contacts.clear();
        byDay = new OrderFact[0];
    }

    void putOrder(OrderFact fact) {
        orders.put(fact.orderId(), fact);
        sortOrders();
    }

    void removeOrder(String orderId) {
        if (orders.remove(orderId) != null) {
            sortOrders();
        }
    }

    private void sortOrders() {
        byDay = orders.values().toArray(new OrderFact[0]);
        Arrays.sort(byDay, Comparator.comparingLong(OrderFact::epochDay).thenComparing(OrderFact::orderId));
    }

    void putContact(String activityId, CustomerHistory.Contact contact) {
        contacts.put(activityId, contact);
    }

    boolean removeContact(String activityId) {
        return contacts.remove(activityId) != null;
    }

    boolean hasPurchases() {
        for (OrderFact fact : byDay) {
            if (fact.purchase()) {
                return true;
            }
        }
        return false;
    }

    /** Returns what a factor may see: the customer's purchases, returns and contacts up to and including a day. */
    CustomerHistory historyUpTo(LocalDate asOf) {
        long last = asOf.toEpochDay();
        List<CustomerHistory.Purchase> purchases = new ArrayList<>();
        List<CustomerHistory.Return> returns = new ArrayList<>();
        for (OrderFact fact : byDay) {
            if (fact.epochDay() > last) {
                break;
            }
            if (fact.purchase()) {
                purchases.add(new CustomerHistory.Purchase(
                        fact.orderId(), fact.day(), fact.purchased(), Arrays.asList(fact.categories())));
            }
            if (fact.isReturn()) {
                returns.add(new CustomerHistory.Return(fact.orderId(), fact.day(), fact.returned()));
            }
        }
        List<CustomerHistory.Contact> seen = contacts.values().stream()
                .filter(contact -> !contact.day().isAfter(asOf))
                .sorted(Comparator.comparing(CustomerHistory.Contact::day))
                .toList();
        return new CustomerHistory(accountId, account.code(), purchases, returns, seen);
    }

    /** The channel most of the customer's orders came through. */
    String mainChannel() {
        Map<String, Integer> counts = new HashMap<>();
        for (OrderFact fact : byDay) {
            if (fact.channel() != null) {
                counts.merge(fact.channel(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    int orderCount() {
        return byDay.length;
    }

    AccountInfo account() {
        return account;
    }

    void account(AccountInfo info) {
        this.account = info;
    }

    HealthScore current() {
        return current;
    }

    void current(HealthScore score) {
        this.current = score;
    }

    synchronized HealthAlert alert() {
        return alert;
    }

    synchronized void alert(HealthAlert raised) {
        this.alert = raised;
    }

    /** Records the first look after an alert; returns whether this look was the first. */
    synchronized boolean seen(String userName, Instant at) {
        if (alert == null || alert.firstSeenAt() != null) {
            return false;
        }
        alert = new HealthAlert(
                alert.accountId(),
                alert.accountCode(),
                alert.raisedAt(),
                alert.score(),
                alert.band(),
                alert.previousBand(),
                alert.valueAtStake(),
                alert.reason(),
                at,
                userName,
                alert.open());
        dirty = true;
        return true;
    }
}
