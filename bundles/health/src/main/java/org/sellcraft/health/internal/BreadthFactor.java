package org.sellcraft.health.internal;

import java.util.HashSet;
import java.util.Set;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Basket breadth: how many categories the customer bought in the recent period, against the period of the same
 * length before it. The score is the ratio, up to 1; a narrowing basket often comes before a customer leaves.
 */
final class BreadthFactor implements HealthFactor {

    static final String NAME = "breadth";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Basket breadth", "品类广度");
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        int days = context.settings().recentDays();
        Set<String> recent = categories(history, context, 0, days);
        Set<String> before = categories(history, context, days, days);
        if (before.isEmpty()) {
            return FactorResult.notApplicable(new Text(
                    "Bought from " + recent.size() + " categories in the last " + days + " days; nothing bought in the "
                            + days + " days before to compare with",
                    "近 " + days + " 天购买 " + recent.size() + " 个品类；之前 " + days + " 天没有购买，无法比较"));
        }
        return FactorResult.of(
                FactorResult.clamp((double) recent.size() / before.size()),
                recent.size(),
                new Text(
                        "Bought from " + recent.size() + " categories in the last " + days + " days against "
                                + before.size() + " in the " + days + " days before",
                        "近 " + days + " 天购买 " + recent.size() + " 个品类，之前 " + days + " 天为 " + before.size() + " 个"));
    }

    /** Categories bought in the {@code length} days that end {@code offset} days before the as-of date. */
    static Set<String> categories(CustomerHistory history, HealthContext context, int offset, int length) {
        Set<String> categories = new HashSet<>();
        var end = context.asOf().minusDays(offset);
        var start = end.minusDays(length);
        for (CustomerHistory.Purchase purchase : history.purchases()) {
            if (purchase.day().isAfter(start) && !purchase.day().isAfter(end)) {
                categories.addAll(purchase.categories());
            }
        }
        return categories;
    }
}
