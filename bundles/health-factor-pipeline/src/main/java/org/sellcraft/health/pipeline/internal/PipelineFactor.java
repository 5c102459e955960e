package org.sellcraft.health.pipeline.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * The open pipeline as a health factor: a customer with open opportunities (any stage but Won and Lost) is fully
 * healthy on it; one whose opportunities are all closed scores {@value #CLOSED_SCORE}. Customers without any
 * opportunity are not judged on it. It keeps its own index of opportunities by account, follows opportunity events,
 * and asks the engine to rescore the customer whose pipeline changed. It judges the pipeline as it is now, whatever
 * the as-of date.
 */
@Component(
        service = {HealthFactor.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=org/sellcraft/record/opportunity/*")
public class PipelineFactor implements HealthFactor, EventHandler {

    static final String NAME = "pipeline";
    static final double CLOSED_SCORE = 0.4;

    private final RecordService records;
    private final EventAdmin events;
    private final Map<String, Opportunity> opportunities = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Opportunity>> byAccount = new ConcurrentHashMap<>();

    /** What the factor keeps of one opportunity. */
    record Opportunity(String id, String accountId, boolean open, double value) {}

    @Activate
    public PipelineFactor(@Reference RecordService records, @Reference EventAdmin events) {
        this.records = records;
        this.events = events;
        records.forEach(Caller.system(), SalesTypes.OPPORTUNITY, this::put);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Open pipeline", "在途商机");
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        Collection<Opportunity> ofAccount =
                byAccount.getOrDefault(history.accountId(), Map.of()).values();
        if (ofAccount.isEmpty()) {
            return FactorResult.notApplicable(new Text("No opportunities recorded for this customer", "没有该客户的商机记录"));
        }
        long open = ofAccount.stream().filter(Opportunity::open).count();
        double value = ofAccount.stream()
                .filter(Opportunity::open)
                .mapToDouble(Opportunity::value)
                .sum();
        if (open == 0) {
            return FactorResult.of(
                    CLOSED_SCORE,
                    0,
                    new Text(
                            "No open opportunities (" + ofAccount.size() + " closed)",
                            "没有在途商机（已结束 " + ofAccount.size() + " 个）"));
        }
        return FactorResult.of(
                1,
                value,
                new Text(open + " open opportunities worth " + money(value), open + " 个在途商机，金额 " + money(value)));
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(RecordEvents.ID) instanceof String id)) {
            return;
        }
        Opportunity before = remove(id);
        Opportunity after = null;
        if (!event.getTopic().endsWith("/" + RecordEvents.DELETED)) {
            try {
                after = put(records.get(Caller.system(), SalesTypes.OPPORTUNITY, id));
            } catch (RecordNotFoundException e) {
                // Deleted after the event was sent: nothing to index.
            }
        }
        if (before != null) {
            askForRescore(before.accountId());
        }
        if (after != null && (before == null || !before.accountId().equals(after.accountId()))) {
            askForRescore(after.accountId());
        }
    }

    private void askForRescore(String accountId) {
        events.postEvent(new Event(HealthEvents.RESCORE, Map.of(HealthEvents.ACCOUNT_ID, accountId)));
    }

    private Opportunity put(Record record) {
        if (!(record.get("accountId") instanceof String accountId)) {
            return null;
        }
        Object stage = record.get("stage");
        boolean open = !"Won".equals(stage) && !"Lost".equals(stage);
        double value = record.get("value") instanceof BigDecimal amount ? amount.doubleValue() : 0;
        Opportunity opportunity = new Opportunity(record.id(), accountId, open, value);
        opportunities.put(record.id(), opportunity);
        byAccount.computeIfAbsent(accountId, a -> new ConcurrentHashMap<>()).put(record.id(), opportunity);
        return opportunity;
    }

    private Opportunity remove(String id) {
        Opportunity removed = opportunities.remove(id);
        if (removed != null) {
            byAccount
                    .getOrDefault(removed.accountId(), new ConcurrentHashMap<>())
                    .remove(id);
        }
        return removed;
    }

    private static String money(double amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
