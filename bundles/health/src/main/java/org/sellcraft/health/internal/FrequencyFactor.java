package org.sellcraft.health.internal;

import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Purchases within the window, and whether the recent period keeps up with the customer's own past: the score is
 * the recent count divided by the count the past leads to expect, up to 1.
 */
final class FrequencyFactor implements HealthFactor {

    static final String NAME = "frequency";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Purchase frequency", "购买频次");
    }

    @Override
    public double defaultWeight() {
        return 15;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        if (history.purchases().isEmpty()) {
            return FactorResult.notApplicable(new Text("No purchase yet", "尚无购买"));
        }
        long inWindow = history.purchases().stream()
                .filter(p -> context.inWindow(p.day()))
                .count();
        int windowDays = context.settings().windowDays();
        int recentDays = context.settings().recentDays();
        Text counted = new Text(
                inWindow + " purchases in the last " + windowDays + " days",
                "近 " + windowDays + " 天购买 " + inWindow + " 次");

        Trend trend = Trend.of(history, context, history.purchases(), CustomerHistory.Purchase::day, p -> 1);
        if (!trend.known()) {
            return FactorResult.notApplicable(new Text(
                    counted.en() + "; a customer for too short a time to show a trend",
                    counted.zh() + "；成为客户的时间太短，尚无趋势"));
        }
        double score = trend.expected() == 0 ? (trend.recent() > 0 ? 1 : 0) : trend.recent() / trend.expected();
        return FactorResult.of(
                FactorResult.clamp(score),
                inWindow,
                new Text(
                        counted.en() + "; " + Format.number(trend.recent()) + " in the last " + recentDays
                                + " days against " + Format.number(trend.expected()) + " usually",
                        counted.zh() + "；近 " + recentDays + " 天 " + Format.number(trend.recent()) + " 次，往常约 "
                                + Format.number(trend.expected()) + " 次"));
    }
}
