package org.sellcraft.health.internal;

import java.util.List;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.Text;

/**
 * Whether the last three intervals between purchases are getting longer than the customer's own usual rhythm (the
 * median of the intervals before them). An interval counts as longer when it exceeds the usual one by a quarter;
 * the score falls with the average excess of the last three, reaching 0 when they are three times the usual.
 */
final class IntervalFactor implements HealthFactor {

    static final String NAME = "intervals";

    private static final double TOLERANCE = 1.25;
    private static final double EXCESS_AT_ZERO = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Text label() {
        return new Text("Purchase rhythm", "购买节奏");
    }

    @Override
    public double defaultWeight() {
        return 20;
    }

    @Override
    public FactorResult evaluate(CustomerHistory history, HealthContext context) {
        List<Integer> intervals = Rhythm.intervals(history);
        int needed = Rhythm.RECENT_INTERVALS + Rhythm.EARLIER_INTERVALS;
        if (intervals.size() < needed) {
            return FactorResult.notApplicable(new Text(
                    "Too few purchases to judge the rhythm: " + intervals.size() + " intervals, " + needed + " needed",
                    "购买次数太少，无法判断节奏：" + intervals.size() + " 个间隔，至少需要 " + needed + " 个"));
        }
        List<Integer> last = intervals.subList(intervals.size() - Rhythm.RECENT_INTERVALS, intervals.size());
        double usual = Rhythm.usual(intervals);

        double excess = 0;
        for (int interval : last) {
            excess += Math.max(0, interval / usual - 1);
        }
        excess /= last.size();
        List<Integer> run = longerRun(last, usual);
        double score = run.isEmpty() ? 1 : FactorResult.clamp(1 - excess / EXCESS_AT_ZERO);
        return FactorResult.of(score, run.size(), sentence(last, run, usual));
    }

    /** The intervals at the end that are all longer than usual, oldest first. */
    private static List<Integer> longerRun(List<Integer> last, double usual) {
        int from = last.size();
        while (from > 0 && last.get(from - 1) > usual * TOLERANCE) {
            from--;
        }
        return last.subList(from, last.size());
    }

    private static Text sentence(List<Integer> last, List<Integer> run, double usual) {
        String usualDays = Format.number(usual);
        if (run.isEmpty()) {
            return new Text(
                    "Purchase rhythm steady: the last intervals were " + Format.list(last, ", ")
                            + " days against a usual " + usualDays,
                    "购买节奏稳定：最近的间隔为 " + Format.list(last, "、") + " 天，往常为 " + usualDays + " 天");
        }
        if (run.size() == 1) {
            return new Text(
                    "The latest purchase interval is longer than usual: " + run.get(0) + " days against a usual "
                            + usualDays,
                    "最近一次购买间隔长于往常：" + run.get(0) + " 天，往常为 " + usualDays + " 天");
        }
        return new Text(
                run.size() + " purchase intervals in a row longer than usual: " + Format.list(run, ", ")
                        + " days against a usual " + usualDays,
                "连续 " + run.size() + " 次购买间隔长于往常：" + Format.list(run, "、") + " 天，往常为 " + usualDays + " 天");
    }
}
