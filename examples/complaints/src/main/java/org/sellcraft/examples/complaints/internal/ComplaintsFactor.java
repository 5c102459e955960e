package org.sellcraft.examples.complaints.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthEvents;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.examples.complaints.internal.OpenComplaints.Complaint;

/**
 * Open complaints as a factor of customer health. A customer with no complaint on record is not judged on it; one
 * whose complaints are all closed is fully healthy on it; each open complaint takes {@value #PER_OPEN} off, a high
 * one {@value #PER_HIGH}. The component publishes the complaint record type before it reads the complaints already
 * stored, follows their events, and asks the engine to rescore the customer whose complaints changed. It needs no
 * reference to the engine, so the add-on installs whether customer health runs or not.
 */
@Component(
        service = {HealthFactor.class, EventHandler.class, ComplaintsFactor.class},
        property = EventConstants.EVENT_TOPIC + "=" + RecordEvents.TOPIC_PREFIX + ComplaintType.NAME + "/*")
public class ComplaintsFactor implements HealthFactor, EventHandler {

    static final String NAME = "complaints";
    static final double PER_OPEN = 0.25;
    static final double PER_HIGH = 0.5;

    private final RecordService records;
    private final EventAdmin events;
    private final ServiceRegistration<RecordType> typeRegistration;
    private final OpenComplaints complaints = new OpenComplaints();

    @Activate
    public ComplaintsFactor(@Reference RecordService records, @Reference EventAdmin events, BundleContext context) {
        this.records = records;
        this.events = events;
        // The registry takes the type as the service registers, so the store can be read right after.
        this.typeRegistration = context.registerService(RecordType.class, ComplaintType.TYPE, null);
        records.forEach(Caller.system(), ComplaintType.NAME, complaints::put);
    }

    @Deactivate
    void deactivate() {
        typeRegistration.unregister();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Open complaints", "未结投诉");
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        if (complaints.of(history.accountId()).isEmpty()) {
            return FactorResult.notApplicable(new Text("No complaints recorded", "没有投诉记录"));
        }
        List<Complaint> open = complaints.openOf(history.accountId());
        if (open.isEmpty()) {
            return FactorResult.of(1, 0, new Text("All complaints are closed", "投诉均已结案"));
        }
        long high = open.stream().filter(Complaint::high).count();
        double score = FactorResult.clamp(1 - PER_OPEN * (open.size() - high) - PER_HIGH * high);
        String oldest = open.get(0).reference();
        return FactorResult.of(
                score,
                open.size(),
                new Text(
                        open.size() + " open complaints (" + high + " high), the oldest " + oldest,
                        open.size() + " 个未结投诉（其中 " + high + " 个严重），最早的是 " + oldest));
    }

    /** The open complaints of one customer, oldest first, for the board. */
    List<Complaint> openOf(String accountId) {
        return complaints.openOf(accountId);
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(RecordEvents.ID) instanceof String id)) {
            return;
        }
        Optional<Complaint> before = complaints.remove(id);
        Optional<Complaint> after = Optional.empty();
        if (!event.getTopic().endsWith("/" + RecordEvents.DELETED)) {
            try {
                after = complaints.put(records.get(Caller.system(), ComplaintType.NAME, id));
            } catch (RecordNotFoundException e) {
                // Deleted after the event was sent: nothing to index.
            }
        }
        before.ifPresent(complaint -> askForRescore(complaint.accountId()));
        after.filter(now -> before.isEmpty() || !before.get().accountId().equals(now.accountId()))
                .ifPresent(complaint -> askForRescore(complaint.accountId()));
    }

    private void askForRescore(String accountId) {
        events.postEvent(new Event(HealthEvents.RESCORE, Map.of(HealthEvents.ACCOUNT_ID, accountId)));
    }
}
