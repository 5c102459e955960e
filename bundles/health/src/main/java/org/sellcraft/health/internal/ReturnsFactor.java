package org.sellcraft.health.internal;

import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * The share of what was bought within the window that came back: returned value divided by purchased value. No
 * returns is fully healthy; the score falls to 0 at a third returned.
 */
final class ReturnsFactor implements HealthFactor {

    static final String NAME = "returns";

    private static final double LOST_AT_RATE = 1.0 / 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Returns", "退货");
    }

    @Override
    public double defaultWeight() {
        return 10;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        double purchased = history.purchases().stream()
                .filter(p -> context.inWindow(p.day()))
                .mapToDouble(CustomerHistory.Purchase::value)
                .sum();
        double returned = history.returns().stream()
                .filter(r -> context.inWindow(r.day()))
                .mapToDouble(CustomerHistory.Return::value)
                .sum();
        int windowDays = context.settings().windowDays();
        if (purchased <= 0) {
            return FactorResult.notApplicable(new Text(
                    "No purchases in the last " + windowDays + " days to set returns against",
                    "近 " + windowDays + " 天没有购买，无法计算退货率"));
        }

        double rate = returned / purchased;
        return FactorResult.of(
                FactorResult.clamp(1 - rate / LOST_AT_RATE),
                rate,
                new Text(
                        "Returned " + Format.percent(rate) + " of what was bought in the last " + windowDays + " days ("
                                + Format.money(returned) + " of " + Format.money(purchased) + ")",
                        "近 " + windowDays + " 天退货金额占购买金额的 " + Format.percent(rate) + "（" + Format.money(returned)
                                + " / " + Format.money(purchased) + "）"));
    }
}
