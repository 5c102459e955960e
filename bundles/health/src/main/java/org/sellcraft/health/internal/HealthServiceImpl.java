package org.sellcraft.health.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthEvents;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.HealthHistory;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health engine as a service. Record events only queue the changed record's id; one worker thread folds the
 * changes in, rescores the customers they touch, and runs recomputations, so the engine never sees two changes at
 * once and Event Admin's delivery thread is never held up. When the changes have been quiet for a moment the
 * worker settles the bands and writes the snapshots that changed, in batches.
 */
@Component(
        service = {HealthService.class, EventHandler.class},
        configurationPid = HealthConfig.PID,
        property = {
            EventConstants.EVENT_TOPIC + "=org/sellcraft/record/order/*",
            EventConstants.EVENT_TOPIC + "=org/sellcraft/record/account/*",
            EventConstants.EVENT_TOPIC + "=org/sellcraft/record/activity/*",
            EventConstants.EVENT_TOPIC + "=org/sellcraft/record/product/*",
            EventConstants.EVENT_TOPIC + "=" + HealthEvents.RESCORE
        })
@Designate(ocd = HealthConfig.class)
public class HealthServiceImpl implements HealthService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    /** How often the worker checks whether it can settle and write snapshots. */
    private static final long SETTLE_EVERY_MS = 2000;
    /** Changes must have stopped this long before bands settle: an import sends them in bursts. */
    private static final long QUIET_MS = 5000;
    /** More changes than this in one pass of the worker make a burst: alerts wait until it has settled. */
    private static final int BURST = 20;
    /** Snapshot rows per durable write. */
    private static final int WRITE_BATCH = 1000;

    private static final long STOP_WAIT_SECONDS = 30;
    /** Order changes whose timings the percentiles are taken over. */
    private static final int TIMED_UPDATES = 1000;

    private final RecordService records;
    private final EventAdmin events;
    private final HealthEngine engine;
    private final ServiceRegistration<RecordType> snapshotType;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> thread(r, "sellcraft-health"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> thread(r, "sellcraft-health-settle"));
    private final Queue<Change> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean recomputeQueued = new AtomicBoolean();
    private volatile long lastChangeNanos = System.nanoTime();
    private boolean burst;
    private final UpdateTimings orderUpdates = new UpdateTimings(TIMED_UPDATES);
    private volatile Recomputation lastRecomputation;

    @Activate
    public HealthServiceImpl(
            @Reference RecordService records,
            @Reference EventAdmin events,
            HealthConfig config,
            BundleContext context) {
        this.records = records;
        this.events = events;
        this.engine = new HealthEngine(records, Settings.of(config), Clock.systemUTC(), this::publish);
        // Registered before the first read so that the snapshots of earlier runs can be read back.
        this.snapshotType = context.registerService(RecordType.class, Snapshots.TYPE, null);

        worker.execute(() -> {
            Recomputation built = engine.rebuild(true);
            lastRecomputation = built;
            LOG.info(
                    "Customer health ready: {} customers scored from {} orders in {} ms",
                    built.customers(),
                    built.orders(),
                    Math.round(built.millis()));
        });
        ticker.scheduleWithFixedDelay(
                () -> worker.execute(this::settleIfQuiet), SETTLE_EVERY_MS, SETTLE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    @Modified
    void modified(HealthConfig config) {
        HealthSettings settings;
        try {
            settings = Settings.of(config);
        } catch (ValidationException e) {
            LOG.warn("Health settings not applied, the previous ones stay: {}", e.getMessage());
            return;
        }
        worker.execute(() -> {
            boolean reread = engine.settings(settings);
            Recomputation done = reread ? engine.rebuild(false) : engine.rescoreAll();
            LOG.info(
                    "Health settings changed: {} customers rescored in {} ms",
                    done.customers(),
                    Math.round(done.millis()));
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactor(HealthFactor factor) {
        engine.addFactor(factor);
        LOG.debug("Health factor '{}' added", factor.name());
        scheduleRescoreAll();
    }

    void removeFactor(HealthFactor factor) {
        engine.removeFactor(factor);
        LOG.debug("Health factor '{}' removed", factor.name());
        scheduleRescoreAll();
    }

    /** Several factors often come or go together (a feature install): rescore once for all of them. */
    private void scheduleRescoreAll() {
        if (recomputeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                recomputeQueued.set(false);
                if (engine.ready()) {
                    engine.rescoreAll();
                }
            });
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (HealthEvents.RESCORE.equals(event.getTopic())) {
            if (event.getProperty(HealthEvents.ACCOUNT_ID) instanceof String accountId) {
                rescore(accountId);
            }
            return;
        }
        Object type = event.getProperty(RecordEvents.TYPE);
        Object id = event.getProperty(RecordEvents.ID);
        if (type instanceof String recordType && id instanceof String recordId) {
            boolean deleted = event.getTopic().endsWith("/" + RecordEvents.DELETED);
            enqueue(new Change(recordType, recordId, deleted));
        }
    }

    private void enqueue(Change change) {
        pending.add(change);
        lastChangeNanos = System.nanoTime();
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        int drained = 0;
        for (Change change = pending.poll(); change != null; change = pending.poll()) {
            if (++drained > BURST && !burst) {
                burst = true;
                engine.immediateAlerts(false);
                LOG.debug("A burst of record changes: customer health alerts wait until it has settled");
            }
            try {
                apply(change);
            } catch (RuntimeException e) {
                LOG.warn("Could not fold the change of {} '{}' into customer health", change.type(), change.id(), e);
            }
        }
        engine.afterChanges();
    }

    private void apply(Change change) {
        switch (change.type()) {
            case "order" -> {
                long started = System.nanoTime();
                if (change.deleted()) {
                    engine.orderRemoved(change.id());
                } else {
                    engine.orderChanged(change.id());
                }
                orderUpdates.add(System.nanoTime() - started);
            }
            case "account" -> engine.accountChanged(change.id());
            case "activity" -> {
                if (change.deleted()) {
                    engine.activityRemoved(change.id());
                } else {
                    engine.activityChanged(change.id());
                }
            }
            case "product" -> engine.productChanged(change.id());
            case Change.RESCORE -> engine.rescore(change.id());
            default -> LOG.debug("Ignored a change of type '{}'", change.type());
        }
    }

    private void settleIfQuiet() {
        boolean quiet =
                pending.isEmpty() && System.nanoTime() - lastChangeNanos > TimeUnit.MILLISECONDS.toNanos(QUIET_MS);
        if (quiet && engine.ready()) {
            write(engine.settle());
            burst = false;
            engine.immediateAlerts(true);
        }
    }

    private void write(List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(from + WRITE_BATCH, rows.size()));
            try {
                records.upsert(Caller.system(), Snapshots.TYPE_NAME, batch);
            } catch (RuntimeException e) {
                engine.unsaved(batch);
                LOG.warn(
                        "Could not store {} customer health snapshots; they are written again at the next settling",
                        batch.size(),
                        e);
            }
        }
        if (!rows.isEmpty()) {
            LOG.debug("Stored {} customer health snapshots", rows.size());
        }
    }

    private void publish(HealthAlert alert) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(HealthEvents.ACCOUNT_ID, alert.accountId());
        if (alert.accountCode() != null) {
            properties.put(HealthEvents.ACCOUNT_CODE, alert.accountCode());
        }
        properties.put(HealthEvents.SCORE, alert.score());
        properties.put(HealthEvents.BAND, alert.band().id());
        properties.put(HealthEvents.PREVIOUS_BAND, alert.previousBand().id());
        properties.put(HealthEvents.VALUE_AT_STAKE, alert.valueAtStake());
        properties.put(HealthEvents.REASON_EN, alert.reason().en());
        properties.put(HealthEvents.REASON_ZH, alert.reason().zh());
        properties.put(HealthEvents.RAISED_AT, alert.raisedAt().toEpochMilli());
        events.postEvent(new Event(HealthEvents.ALERT, properties));
    }

    @Deactivate
    void deactivate() {
        ticker.shutdownNow();
        worker.execute(() -> write(engine.settle()));
        worker.shutdown();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn(
                        "Customer health did not stop within {} s; unsaved snapshots are rebuilt at the next start",
                        STOP_WAIT_SECONDS);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
        snapshotType.unregister();
    }

    // ---- HealthService

    @Override
    public boolean ready() {
        return engine.ready();
    }

    @Override
    public Optional<HealthScore> score(String customer) {
        return engine.score(customer);
    }

    @Override
    public Optional<HealthHistory> history(String customer) {
        return engine.history(customer);
    }

    @Override
    public Page<HealthScore> list(HealthQuery query) {
        return engine.list(query);
    }

    @Override
    public List<SegmentSummary> segments(String dimension) {
        return engine.segments(dimension);
    }

    @Override
    public List<HealthAlert> alerts(boolean openOnly) {
        return engine.alerts(openOnly);
    }

    @Override
    public Optional<HealthAlert> alert(String customer) {
        return engine.alert(customer);
    }

    @Override
    public Optional<HealthAlert> recordView(String customer, String userName) {
        return engine.recordView(customer, userName);
    }

    @Override
    public void rescore(String accountId) {
        enqueue(new Change(Change.RESCORE, accountId, false));
    }

    @Override
    public EngineStats stats() {
        UpdateTimings.Summary updates = orderUpdates.summary();
        return new EngineStats(
                engine.customerCount(),
                updates.count(),
                updates.medianMicros(),
                updates.p99Micros(),
                lastRecomputation);
    }

    @Override
    public Recomputation recompute(boolean rebuild) {
        try {
            Recomputation done = worker.submit(() -> rebuild ? engine.rebuild(false) : engine.rescoreAll())
                    .get(STOP_WAIT_SECONDS * 10, TimeUnit.SECONDS);
            lastRecomputation = done;
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recomputing customer health", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Customer health could not be recomputed", e);
        }
    }

    @Override
    public HealthSettings settings() {
        return engine.settings();
    }

    @Override
    public List<FactorInfo> factors() {
        return engine.factorInfo();
    }

    private static Thread thread(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A changed record, or a request to rescore one customer. */
    private record Change(String type, String id, boolean deleted) {
        static final String RESCORE = "rescore";
    }
}
