package org.sellcraft.health.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.HealthHistory;
import org.sellcraft.api.health.HealthPoint;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health engine without OSGi: per-customer state built from the records, folded forward one changed record at
 * a time, and scored on demand of a change. Changes and recomputations must come from one thread at a time (the
 * component's worker); reads may come from any thread.
 */
final class HealthEngine {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEngine.class);

    /** A score that moves less than this since the last recorded one is not recorded again. */
    private static final int RECORDED_STEP = 5;
    /** Points of the computed trajectory: a year of monthly points with the default change period. */
    private static final int TRAJECTORY_POINTS = 12;

    private final RecordService records;
    private final Clock clock;
    private final Consumer<HealthAlert> alertSink;
    private final Scorer scorer = new Scorer();
    private final List<HealthFactor> builtIn = Scorer.builtIn();
    private final List<HealthFactor> contributed = new CopyOnWriteArrayList<>();
    private final Map<String, CustomerState> customers = new ConcurrentHashMap<>();
    private final Map<String, String> accountOfOrder = new HashMap<>();
    private final Map<String, String> accountOfActivity = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    private volatile HealthSettings settings;
    private volatile List<HealthFactor> factors;
    private volatile LocalDate asOf;
    private volatile boolean ready;
    private Catalog catalog;
    private ZoneId zone;
    private long latestOrderDay = Long.MIN_VALUE;
    private boolean asOfMoved;
    private boolean immediateAlerts = true;

    HealthEngine(RecordService records, HealthSettings settings, Clock clock, Consumer<HealthAlert> alertSink) {
        this.records = records;
        this.clock = clock;
        this.alertSink = alertSink;
        this.factors = List.copyOf(builtIn);
        apply(settings);
    }

    /**
     * Whether a crossing raises its alert at once (single changes) or only when the engine settles (bursts such as
     * an import, whose intermediate states are not worth an alert).
     */
    void immediateAlerts(boolean immediate) {
        this.immediateAlerts = immediate;
    }

    // ---- settings and factors

    /** Applies new settings; returns whether the order facts must be read again (zone or non-product codes). */
    boolean settings(HealthSettings changed) {
        HealthSettings previous = settings;
        apply(changed);
        return !previous.zone().equals(changed.zone())
                || !previous.nonProductCodes().equals(changed.nonProductCodes());
    }

    private void apply(HealthSettings changed) {
        this.settings = changed;
        this.zone = ZoneId.of(changed.zone());
        this.catalog = new Catalog(changed.nonProductCodes());
    }

    HealthSettings settings() {
        return settings;
    }

    void addFactor(HealthFactor factor) {
        if (Scorer.builtInNames().contains(factor.name())) {
            LOG.warn("A contributed health factor is named '{}' like a built-in one; it is ignored", factor.name());
            return;
        }
        contributed.add(factor);
        refreshFactors();
    }

    void removeFactor(HealthFactor factor) {
        contributed.remove(factor);
        refreshFactors();
    }

    private void refreshFactors() {
        List<HealthFactor> all = new ArrayList<>(builtIn);
        all.addAll(contributed);
        factors = List.copyOf(all);
    }

    List<HealthService.FactorInfo> factorInfo() {
        HealthSettings current = settings;
        return factors.stream()
                .map(f -> new HealthService.FactorInfo(f.name(), f.label(), current.weightOf(f), builtIn.contains(f)))
                .toList();
    }

    // ---- building the state

    /**
     * Reads every account, product, activity and order again and scores every customer.
     *
     * @param restoreSnapshots whether to read back what earlier runs remembered (at start-up)
     */
    HealthService.Recomputation rebuild(boolean restoreSnapshots) {
        long start = System.nanoTime();
        Catalog fresh = new Catalog(settings.nonProductCodes());
        catalog = fresh;
        customers.values().forEach(CustomerState::clearData);
        accountOfOrder.clear();
        accountOfActivity.clear();
        latestOrderDay = Long.MIN_VALUE;

        loadNames();
        records.forEach(Caller.system(), SalesTypes.PRODUCT, p -> fresh.putProduct(p.id(), text(p, "category")));
        records.forEach(Caller.system(), SalesTypes.ACCOUNT, this::putAccount);
        records.forEach(Caller.system(), SalesTypes.ACTIVITY, this::putActivity);
        int[] orders = {0};
        records.forEach(Caller.system(), SalesTypes.ORDER, order -> {
            putOrder(order);
            orders[0]++;
        });
        if (restoreSnapshots) {
            records.forEach(Caller.system(), Snapshots.TYPE_NAME, this::restoreSnapshot);
        }

        HealthService.Recomputation scored = rescoreAll();
        ready = true;
        double millis = (System.nanoTime() - start) / 1e6;
        LOG.debug(
                "Health state rebuilt from {} orders: {} customers scored in {} ms",
                orders[0],
                scored.customers(),
                millis);
        return new HealthService.Recomputation(scored.customers(), orders[0], millis);
    }

    private void loadNames() {
        names.clear();
        for (String type : List.of(SalesTypes.REGION, SalesTypes.REP)) {
            records.forEach(Caller.system(), type, r -> {
                String name = text(r, "name");
                if (name != null) {
                    names.put(r.id(), name);
                }
            });
        }
    }

    private void restoreSnapshot(Record snapshot) {
        if (snapshot.get("accountId") instanceof String accountId) {
            Snapshots.restore(snapshot, state(accountId));
        }
    }

    boolean ready() {
        return ready;
    }

    // ---- changes, one record at a time

    /** Folds a created or changed order into its customer's state and rescores that customer. */
    void orderChanged(String orderId) {
        Record order;
        try {
            order = records.get(Caller.system(), SalesTypes.ORDER, orderId);
        } catch (RecordNotFoundException e) {
            orderRemoved(orderId);
            return;
        }
        String before = accountOfOrder.get(orderId);
        String after = putOrder(order);
        if (before != null && !before.equals(after)) {
            customers.get(before).removeOrder(orderId);
            rescore(customers.get(before));
        }
        if (after != null) {
            rescore(customers.get(after));
        }
    }

    void orderRemoved(String orderId) {
        String accountId = accountOfOrder.remove(orderId);
        if (accountId != null) {
            CustomerState state = customers.get(accountId);
            state.removeOrder(orderId);
            rescore(state);
        }
    }

    /** Returns the account the order belongs to, or {@code null} when it has no customer. */
    private String putOrder(Record order) {
        OrderFact fact = OrderFact.of(order, catalog, zone);
        if (fact == null) {
            String previous = accountOfOrder.remove(order.id());
            if (previous != null) {
                customers.get(previous).removeOrder(order.id());
            }
            noteOrderDay(order);
            return null;
        }
        noteDay(fact.epochDay());
        accountOfOrder.put(order.id(), fact.accountId());
        state(fact.accountId()).putOrder(fact);
        return fact.accountId();
    }

    /** Orders without a customer still tell how far the data reaches. */
    private void noteOrderDay(Record order) {
        if (order.get("orderedAt") instanceof Instant at) {
            noteDay(LocalDate.ofInstant(at, zone).toEpochDay());
        }
    }

    private void noteDay(long epochDay) {
        if (epochDay > latestOrderDay) {
            latestOrderDay = epochDay;
            LocalDate moved = currentAsOf();
            if (!moved.equals(asOf)) {
                asOf = moved;
                asOfMoved = true;
            }
        }
    }

    void accountChanged(String accountId) {
        try {
            putAccount(records.get(Caller.system(), SalesTypes.ACCOUNT, accountId));
        } catch (RecordNotFoundException e) {
            return;
        }
        CustomerState state = customers.get(accountId);
        if (state.current() != null) {
            rescore(state);
        }
    }

    private void putAccount(Record account) {
        state(account.id())
                .account(new AccountInfo(
                        text(account, "code"),
                        text(account, "name"),
                        named(SalesTypes.REGION, text(account, "regionId")),
                        named(SalesTypes.REP, text(account, "ownerId")),
                        text(account, "industry"),
                        text(account, "country")));
    }

    void activityChanged(String activityId) {
        String before = accountOfActivity.get(activityId);
        String after;
        try {
            after = putActivity(records.get(Caller.system(), SalesTypes.ACTIVITY, activityId));
        } catch (RecordNotFoundException e) {
            activityRemoved(activityId);
            return;
        }
        if (before != null && !before.equals(after)) {
            customers.get(before).removeContact(activityId);
            rescore(customers.get(before));
        }
        if (after != null) {
            rescore(customers.get(after));
        }
    }

    void activityRemoved(String activityId) {
        String accountId = accountOfActivity.remove(activityId);
        if (accountId != null && customers.get(accountId).removeContact(activityId)) {
            rescore(customers.get(accountId));
        }
    }

    /** Keeps visits and calls with an account and a time; returns the account, or {@code null}. */
    private String putActivity(Record activity) {
        String kind = text(activity, "kind");
        String accountId = text(activity, "accountId");
        if (accountId == null
                || !(activity.get("occurredAt") instanceof Instant at)
                || !("visit".equals(kind) || "call".equals(kind))) {
            return null;
        }
        accountOfActivity.put(activity.id(), accountId);
        state(accountId).putContact(activity.id(), new CustomerHistory.Contact(LocalDate.ofInstant(at, zone), kind));
        return accountId;
    }

    /** A product's category applies to the orders read from now on; a rebuild applies it to all. */
    void productChanged(String productId) {
        try {
            Record product = records.get(Caller.system(), SalesTypes.PRODUCT, productId);
            catalog.putProduct(productId, text(product, "category"));
        } catch (RecordNotFoundException e) {
            catalog.removeProduct(productId);
        }
    }

    /** Rescores one customer, for a contributed factor whose data changed. */
    void rescore(String accountId) {
        CustomerState state = customers.get(accountId);
        if (state != null) {
            rescore(state);
        }
    }

    /** After a run of changes: when the as-of date moved, every customer's figures moved with it. */
    void afterChanges() {
        LocalDate today = currentAsOf();
        if (asOfMoved || !today.equals(asOf)) {
            asOf = today;
            asOfMoved = false;
            rescoreAll();
        }
    }

    // ---- scoring

    /** Scores every customer again from the state in memory. */
    HealthService.Recomputation rescoreAll() {
        long start = System.nanoTime();
        asOf = currentAsOf();
        asOfMoved = false;
        // Customers are scored independently of one another, so a full recomputation uses every core; the
        // results are then taken in on this thread, the only one that changes the engine's state.
        List<CustomerState> all = new ArrayList<>(customers.values());
        HealthContext context = new HealthContext(asOf != null ? asOf : currentAsOf(), settings);
        HealthScore[] scores = new HealthScore[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> scores[i] = scorer.score(all.get(i), context, factors));

        int scored = 0;
        for (int i = 0; i < scores.length; i++) {
            takeIn(all.get(i), scores[i]);
            if (scores[i] != null) {
                scored++;
            }
        }
        return new HealthService.Recomputation(scored, 0, (System.nanoTime() - start) / 1e6);
    }

    private void rescore(CustomerState state) {
        LocalDate day = asOf != null ? asOf : currentAsOf();
        takeIn(state, scorer.score(state, new HealthContext(day, settings), factors));
    }

    private void takeIn(CustomerState state, HealthScore score) {
        state.current(score);
        if (score != null && immediateAlerts) {
            alertOnCrossing(state, score);
        }
    }

    /** Raises an alert when the customer left healthy or watch for a band that needs action since it settled. */
    private void alertOnCrossing(CustomerState state, HealthScore score) {
        HealthBand settled = state.settledBand;
        if (settled != null && !settled.needsAction() && score.band().needsAction()) {
            raiseAlert(state, score, settled);
        }
    }

    private void raiseAlert(CustomerState state, HealthScore score, HealthBand previous) {
        HealthAlert alert = new HealthAlert(
                state.accountId,
                score.accountCode(),
                clock.instant(),
                score.score(),
                score.band(),
                previous,
                score.valueAtStake(),
                Snapshots.reasonOf(score),
                null,
                null,
                true);
        state.alert(alert);
        state.settledBand = score.band();
        state.dirty = true;
        LOG.debug(
                "Customer '{}' crossed from {} into {} at score {}",
                state.accountId,
                previous,
                score.band(),
                score.score());
        alertSink.accept(alert);
    }

    private LocalDate currentAsOf() {
        LocalDate latest = latestOrderDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(latestOrderDay);
        return Settings.asOf(settings, latest, LocalDate.now(clock.withZone(zone)));
    }

    LocalDate asOf() {
        return asOf;
    }

    // ---- settling: what is remembered across restarts

    /**
     * Raises the alerts of crossings that waited for a burst to end, takes the current bands as the ones alerts
     * compare with from now on, records scores that moved noticeably, and returns the snapshot rows that changed
     * since the last call. A customer met for the first time gets a settled band without an alert.
     */
    List<Map<String, Object>> settle() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CustomerState state : customers.values()) {
            HealthScore score = state.current();
            if (score != null) {
                alertOnCrossing(state, score);
                state.settledBand = score.band();
                record(state, score);
            }
            if (state.dirty) {
                state.dirty = false;
                rows.add(Snapshots.row(state));
            }
        }
        return rows;
    }

    private static void record(CustomerState state, HealthScore score) {
        HealthPoint last = state.lastRecorded;
        if (last != null && last.band() == score.band() && Math.abs(last.score() - score.score()) < RECORDED_STEP) {
            return;
        }
        HealthPoint point = new HealthPoint(score.asOf(), score.score(), score.band());
        List<HealthPoint> recorded = state.recorded;
        if (!recorded.isEmpty() && recorded.get(recorded.size() - 1).day().equals(point.day())) {
            recorded.set(recorded.size() - 1, point);
        } else {
            recorded.add(point);
        }
        state.lastRecorded = point;
        state.dirty = true;
    }

    /** Marks customers whose snapshots could not be written, so that the next settling writes them again. */
    void unsaved(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            CustomerState state = customers.get((String) row.get("accountId"));
            if (state != null) {
                state.dirty = true;
            }
        }
    }

    // ---- reading

    Optional<HealthScore> score(String customer) {
        return find(customer).map(CustomerState::current);
    }

    Optional<HealthHistory> history(String customer) {
        Optional<CustomerState> found = find(customer).filter(s -> s.current() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CustomerState state = found.get();
        HealthSettings current = settings;
        List<HealthPoint> trajectory = new ArrayList<>();
        for (int back = TRAJECTORY_POINTS - 1; back >= 0; back--) {
            LocalDate day = asOf.minusDays((long) back * current.changeDays());
            CustomerHistory history = state.historyUpTo(day);
            if (history.purchases().isEmpty()) {
                continue;
            }
            HealthContext context = new HealthContext(day, current);
            int score = scorer.evaluate(history, context, factors).score();
            long recency = Scorer.figures(history, context).recencyDays();
            trajectory.add(new HealthPoint(day, score, current.bandOf(score, recency)));
        }
        return Optional.of(new HealthHistory(trajectory, List.copyOf(state.recorded)));
    }

    Page<HealthScore> list(HealthQuery query) {
        return Segments.list(currentScores(), query);
    }

    List<SegmentSummary> segments(String dimension) {
        return Segments.summaries(currentScores(), dimension);
    }

    List<HealthAlert> alerts(boolean openOnly) {
        List<HealthAlert> alerts = new ArrayList<>();
        for (CustomerState state : customers.values()) {
            HealthAlert alert = state.alert();
            if (alert == null) {
                continue;
            }
            HealthScore score = state.current();
            boolean open = score != null && score.band().needsAction();
            if (open || !openOnly) {
                alerts.add(withOpen(alert, open));
            }
        }
        alerts.sort(Comparator.comparing(HealthAlert::raisedAt).reversed().thenComparing(HealthAlert::accountId));
        return alerts;
    }

    Optional<HealthAlert> alert(String customer) {
        return find(customer).flatMap(state -> {
            HealthAlert alert = state.alert();
            HealthScore score = state.current();
            return Optional.ofNullable(
                    alert == null
                            ? null
                            : withOpen(alert, score != null && score.band().needsAction()));
        });
    }

    Optional<HealthAlert> recordView(String customer, String userName) {
        Optional<CustomerState> found = find(customer);
        found.ifPresent(state -> {
            if (state.seen(userName, clock.instant())) {
                LOG.debug("First look at the alert of customer '{}' by '{}'", state.accountId, userName);
            }
        });
        return found.map(CustomerState::alert);
    }

    /** The number of customers held, with or without a score: for operators and the benchmark. */
    int customerCount() {
        return customers.size();
    }

    private List<HealthScore> currentScores() {
        List<HealthScore> scores = new ArrayList<>(customers.size());
        for (CustomerState state : customers.values()) {
            HealthScore score = state.current();
            if (score != null) {
                scores.add(score);
            }
        }
        return scores;
    }

    /** Finds a customer by account id, else by the account's code. */
    private Optional<CustomerState> find(String customer) {
        if (customer == null || customer.isBlank()) {
            return Optional.empty();
        }
        CustomerState state = customers.get(customer);
        if (state == null) {
            state = customers.get(RecordIds.fromKey(SalesTypes.ACCOUNT, customer.trim()));
        }
        return Optional.ofNullable(state);
    }

    private CustomerState state(String accountId) {
        return customers.computeIfAbsent(accountId, CustomerState::new);
    }

    /**
     * A region's or rep's name for the segment views. One created after the engine loaded the names (the sales
     * teams imported after a start) is read from the store the first time an account refers to it.
     */
    private String named(String type, String id) {
        if (id == null) {
            return null;
        }
        String known = names.get(id);
        if (known != null) {
            return known;
        }
        try {
            String name = text(records.get(Caller.system(), type, id), "name");
            if (name != null) {
                names.put(id, name);
                return name;
            }
        } catch (RecordNotFoundException e) {
            LOG.debug("Account refers to {} '{}', which is not stored", type, id);
        }
        return id;
    }

    private static HealthAlert withOpen(HealthAlert alert, boolean open) {
        return new HealthAlert(
                alert.accountId(),
                alert.accountCode(),
                alert.raisedAt(),
                alert.score(),
                alert.band(),
                alert.previousBand(),
                alert.valueAtStake(),
                alert.reason(),
                alert.firstSeenAt(),
                alert.firstSeenBy(),
                open);
    }

    private static String text(Record record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
