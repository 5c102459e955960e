package org.sellcraft.health.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Visits and calls, where the data has them: a customer with a visit or call in the recent period is fully
 * healthy on this factor, and the score falls to 0 over a second such period without one. Customers for whom no
 * visit or call was ever recorded are not judged on it.
 */
final class ContactFactor implements HealthFactor {

    static final String NAME = "activities";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Visits and calls", "拜访与通话");
    }

    @Override
    public double defaultWeight() {
        return 5;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        List<CustomerHistory.Contact> contacts = history.contacts();
        if (contacts.isEmpty()) {
            return FactorResult.notApplicable(new Text("No visit or call recorded for this customer", "没有该客户的拜访或通话记录"));
        }
        int days = context.settings().recentDays();
        long recent = contacts.stream().filter(c -> context.inRecent(c.day())).count();
        long since = ChronoUnit.DAYS.between(contacts.get(contacts.size() - 1).day(), context.asOf());

        double score = recent > 0 ? 1 : FactorResult.clamp(1 - (since - days) / (double) days);
        return FactorResult.of(
                score,
                recent,
                new Text(
                        recent + " visits or calls in the last " + days + " days; the last " + since + " days ago",
                        "近 " + days + " 天拜访或通话 " + recent + " 次；最近一次在 " + since + " 天前"));
    }
}
