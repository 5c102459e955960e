package org.sellcraft.health.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Days since the last purchase, against the customer's own usual interval. Up to one and a half usual intervals
 * is fully healthy; the score falls to 0 at four. A customer with a single purchase is measured against the recent
 * period instead.
 */
final class RecencyFactor implements HealthFactor {

    static final String NAME = "recency";

    /** Even the most frequent buyers go a fortnight without an order now and then. */
    private static final double SHORTEST_EXPECTED_GAP = 14;

    private static final double SLACK = 1.5;
    private static final double LOST_AT = 4;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Recency", "最近购买");
    }

    @Override
    public double defaultWeight() {
        return 25;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        List<CustomerHistory.Purchase> purchases = history.purchases();
        if (purchases.isEmpty()) {
            return FactorResult.notApplicable(new Text("No purchase yet", "尚无购买"));
        }
        long days = ChronoUnit.DAYS.between(purchases.get(purchases.size() - 1).day(), context.asOf());

        double usual = Rhythm.usual(Rhythm.intervals(history));
        double expected = Math.max(usual > 0 ? usual : context.settings().recentDays(), SHORTEST_EXPECTED_GAP);
        double score = FactorResult.clamp((LOST_AT - days / expected) / (LOST_AT - SLACK));
        return FactorResult.of(score, days, sentence(days, usual, expected));
    }

    private static Text sentence(long days, double usual, double expected) {
        if (usual <= 0) {
            return new Text(
                    "Last purchase " + days + " days ago, the only one so far; measured against "
                            + Format.number(expected) + " days",
                    "最近一次购买在 " + days + " 天前，也是唯一一次；以 " + Format.number(expected) + " 天为参照");
        }
        return new Text(
                "Last purchase " + days + " days ago; usually buys every " + Format.number(usual) + " days",
                "最近一次购买在 " + days + " 天前；通常每 " + Format.number(usual) + " 天购买一次");
    }
}
