package org.sellcraft.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home dashboards, one per caller (each sees the figures of their own scope), kept until a record they are computed
 * from changes. A few seconds after the last change the dashboards of recent callers are computed again in the
 * background, so the morning's first look does not wait for a pass over all orders.
 */
@Component(
        service = {Dashboards.class, EventHandler.class},
        property = {
            EventConstants.EVENT_TOPIC + "=" + RecordEvents.TOPIC_PREFIX + "*",
            EventConstants.EVENT_TOPIC + "=" + Dashboards.HEALTH_TOPICS
        })
public class Dashboards implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboards.class);
    private static final Set<String> SOURCES =
            Set.of(SalesTypes.ORDER, SalesTypes.OPPORTUNITY, SalesTypes.ACCOUNT, SalesTypes.REP, SalesTypes.REGION);
    private static final long SETTLE_MS = 3_000;
    private static final Duration RECENT = Duration.ofHours(12);
    private static final long WAIT_SECONDS = 120;
    /** Health scores move with time as well as with records: a dashboard is not kept longer than this. */
    private static final long MAX_AGE_MS = 5 * 60_000;

    static final String HEALTH_TOPICS = "org/sellcraft/health/*";

    private final RecordService records;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, Seen> callers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService warmer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sellcraft-web-dashboards");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            bind = "bindHealth",
            unbind = "unbindHealth")
    private volatile HealthService health;

    private volatile long lastChange;
    private volatile boolean warmPending;

    private record Entry(CompletableFuture<DashboardCalculator.Result> result, long createdAt) {

        boolean isStale(long now) {
            return result.isDone() && now - createdAt > MAX_AGE_MS;
        }
    }

    private record Seen(Caller caller, long at) {}

    @Activate
    public Dashboards(@Reference RecordService records) {
        this.records = records;
    }

    /** Returns the caller's dashboard, computing it when no current one is kept. */
    Map<String, Object> of(Caller caller) {
        return summary(caller).dashboard();
    }

    /** Returns the ids of the account's orders among those the caller may see. */
    List<String> orderIds(Caller caller, String accountId) {
        return summary(caller).ordersByAccount().getOrDefault(accountId, List.of());
    }

    private DashboardCalculator.Result summary(Caller caller) {
        String key = key(caller);
        callers.put(key, new Seen(caller, System.currentTimeMillis()));
        CompletableFuture<DashboardCalculator.Result> mine = new CompletableFuture<>();
        long now = System.currentTimeMillis();
        Entry entry = cache.compute(key, (k, kept) -> kept == null || kept.isStale(now) ? new Entry(mine, now) : kept);
        if (entry.result() == mine) {
            compute(caller, key, mine);
        }
        try {
            return entry.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the dashboard was computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The dashboard could not be computed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The dashboard took longer than " + WAIT_SECONDS + " s", e);
        }
    }

    private void compute(Caller caller, String key, CompletableFuture<DashboardCalculator.Result> result) {
        long started = System.nanoTime();
        try {
            result.complete(new DashboardCalculator(RecordSource.of(records, caller), health).compute());
            LOG.debug(
                    "Dashboard of '{}' computed in {} ms",
                    caller.userName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            cache.values().removeIf(entry -> entry.result() == result);
            result.completeExceptionally(e);
        }
    }

    void bindHealth(HealthService service) {
        this.health = service;
        cache.clear();
    }

    void unbindHealth(HealthService service) {
        if (this.health == service) {
            this.health = null;
        }
        cache.clear();
    }

    @Override
    public void handleEvent(Event event) {
        Object type = event.getProperty(RecordEvents.TYPE);
        boolean healthChanged = event.getTopic().startsWith("org/sellcraft/health/");
        if (!healthChanged && (type == null || !SOURCES.contains(type.toString()))) {
            return;
        }
        lastChange = System.currentTimeMillis();
        if (!cache.isEmpty()) {
            cache.clear();
        }
        if (!warmPending) {
            warmPending = true;
            warmer.schedule(this::warmWhenSettled, SETTLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Recomputes the dashboards of recent callers once changes have stopped coming for a moment. */
    private void warmWhenSettled() {
        long quiet = System.currentTimeMillis() - lastChange;
        if (quiet < SETTLE_MS) {
            warmer.schedule(this::warmWhenSettled, SETTLE_MS - quiet, TimeUnit.MILLISECONDS);
            return;
        }
        warmPending = false;
        long recent = System.currentTimeMillis() - RECENT.toMillis();
        callers.values().removeIf(seen -> seen.at() < recent);
        for (Seen seen : callers.values()) {
            try {
                of(seen.caller());
            } catch (RuntimeException e) {
                LOG.debug("Dashboard of '{}' not prepared ahead", seen.caller().userName(), e);
            }
        }
    }

    /** Callers with the same user, roles and partner see the same scope. */
    static String key(Caller caller) {
        return caller.userId() + "|" + new TreeSet<>(caller.roles()) + "|" + caller.partnerId();
    }

    @Deactivate
    void deactivate() {
        warmer.shutdownNow();
        cache.clear();
    }
}
