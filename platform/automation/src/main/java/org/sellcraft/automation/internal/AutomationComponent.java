package org.sellcraft.automation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.AutomationService;
import org.sellcraft.api.automation.FactSource;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine in the container: hears every record event, runs scheduled rules when their period has ended, and
 * picks up the actions and fact sources that bundles register. Events are handled on one thread of its own, in
 * the order they arrive, so that Event Admin's delivery thread is never held up by a rule.
 */
@Component(
        service = {AutomationService.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=org/sellcraft/record/*")
public class AutomationComponent extends AutomationServiceImpl implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationComponent.class);
    private static final List<String> OWN_TYPES = List.of(RuleRecords.RULE, RuleRecords.EVALUATION, RuleRecords.RUN);

    private final RecordService records;
    private final List<ServiceRegistration<RecordType>> typeRegistrations;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "sellcraft-rules"));
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sellcraft-rule-schedule"));

    @Activate
    public AutomationComponent(
            @Reference RecordService records, @Reference RecordTypeRegistry types, BundleContext context) {
        super(records, types, Clock.systemUTC());
        this.records = records;
        this.typeRegistrations = recordTypes().stream()
                .map(type -> context.registerService(RecordType.class, type, null))
                .toList();
        events.execute(this::loadOnce);
        timer.scheduleWithFixedDelay(this::runDuePeriods, 1, 60, TimeUnit.MINUTES);
        timer.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    private void loadOnce() {
        try {
            load();
        } catch (RuntimeException e) {
            LOG.error("The saved rules could not be read; no rule runs until the engine is restarted", e);
        }
    }

    @Override
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addAction(ActionHandler handler) {
        super.addAction(handler);
    }

    @Override
    public void removeAction(ActionHandler handler) {
        super.removeAction(handler);
    }

    @Override
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSource(FactSource source) {
        super.addSource(source);
    }

    @Override
    public void removeSource(FactSource source) {
        super.removeSource(source);
    }

    @Override
    public void handleEvent(Event event) {
        String type = (String) event.getProperty(RecordEvents.TYPE);
        if (type == null || OWN_TYPES.contains(type)) {
            return;
        }
        String id = (String) event.getProperty(RecordEvents.ID);
        String topic = event.getTopic();
        String action = topic.substring(topic.lastIndexOf('/') + 1);
        events.execute(() -> {
            try {
                onRecordEvent(type, id, action);
            } catch (RuntimeException e) {
                LOG.error("Rules on {}/{} {} could not run", type, id, action, e);
            }
        });
    }

    /** Runs each schedule once for the last period that has ended, if it has not run for it yet. */
    private void runDuePeriods() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        runOnce(Trigger.Schedule.MONTHLY, today.withDayOfMonth(1).minusMonths(1), today.withDayOfMonth(1));
        runOnce(Trigger.Schedule.DAILY, today.minusDays(1), today);
    }

    private void runOnce(Trigger.Schedule schedule, LocalDate from, LocalDate to) {
        String key = RecordIds.fromKey(RuleRecords.RUN, List.of(schedule.name(), from));
        try {
            records.get(Caller.system(), RuleRecords.RUN, key);
            return;
        } catch (org.sellcraft.api.service.RecordNotFoundException e) {
            LOG.debug("Schedule {} has not run for {} yet", schedule, from);
        }
        try {
            int evaluations = runSchedule(Caller.system(), schedule, from, to).size();
            Record run = records.create(
                    Caller.system(),
                    RuleRecords.RUN,
                    java.util.Map.of(
                            "schedule", schedule.name(), "periodFrom", from, "ranAt", java.time.Instant.now()));
            LOG.info(
                    "Scheduled rules ({}) ran over {}..{}: {} evaluations, run {}",
                    schedule,
                    from,
                    to,
                    evaluations,
                    run.id());
        } catch (RuntimeException e) {
            LOG.error(
                    "Scheduled rules ({}) over {}..{} failed; they are tried again within the hour",
                    schedule,
                    from,
                    to,
                    e);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        events.shutdown();
        try {
            if (!events.awaitTermination(10, TimeUnit.SECONDS)) {
                events.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        typeRegistrations.forEach(ServiceRegistration::unregister);
    }
}
