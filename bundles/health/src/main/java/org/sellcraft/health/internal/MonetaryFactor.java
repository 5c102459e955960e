package org.sellcraft.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Net spend (purchases less returns) within the window, and whether the recent period keeps up with the customer's
 * own past: the score is the recent net spend divided by what the past leads to expect, up to 1.
 */
final class MonetaryFactor implements HealthFactor {

    static final String NAME = "monetary";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Spend", "消费金额");
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
        List<Movement> movements = movements(history);
        double net = movements.stream()
                .filter(m -> context.inWindow(m.day()))
                .mapToDouble(Movement::value)
                .sum();
        int windowDays = context.settings().windowDays();
        int recentDays = context.settings().recentDays();
        Text spent = new Text(
                "Spent " + Format.money(net) + " in the last " + windowDays + " days",
                "近 " + windowDays + " 天消费 " + Format.money(net));

        Trend trend = Trend.of(history, context, movements, Movement::day, Movement::value);
        if (!trend.known() || trend.expected() <= 0) {
            return FactorResult.notApplicable(new Text(
                    spent.en() + "; no earlier spend within the window to compare with",
                    spent.zh() + "；窗口内没有更早的消费可供比较"));
        }
        return FactorResult.of(
                FactorResult.clamp(trend.recent() / trend.expected()),
                net,
                new Text(
                        spent.en() + "; " + Format.money(trend.recent()) + " in the last " + recentDays
                                + " days against " + Format.money(trend.expected()) + " usually",
                        spent.zh() + "；近 " + recentDays + " 天 " + Format.money(trend.recent()) + "，往常约 "
                                + Format.money(trend.expected())));
    }

    /** Purchases as positive and returns as negative amounts. */
    private static List<Movement> movements(CustomerHistory history) {
        List<Movement> movements =
                new ArrayList<>(history.purchases().size() + history.returns().size());
        history.purchases().forEach(p -> movements.add(new Movement(p.day(), p.value())));
        history.returns().forEach(r -> movements.add(new Movement(r.day(), -r.value())));
        return movements;
    }

    private record Movement(LocalDate day, double value) {}
}
