package org.sellcraft.health.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sellcraft.api.health.CustomerFigures;
import org.sellcraft.api.health.CustomerHistory;
import org.sellcraft.api.health.FactorResult;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthContext;
import org.sellcraft.api.health.HealthFactor;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a customer's history into a score: each factor with a weight above 0 is evaluated, and the score is the
 * weighted mean of the findings of those that apply, times 100. A factor's points are its share of that mean, so
 * the points of all factors add up to the score and the costliest factors explain it.
 */
final class Scorer {

    private static final Logger LOG = LoggerFactory.getLogger(Scorer.class);

    private final Set<String> failedFactors = ConcurrentHashMap.newKeySet();

    /** A score and its parts. */
    record Evaluation(int score, List<FactorScore> factors) {}

    Evaluation evaluate(CustomerHistory history, HealthContext context, List<HealthFactor> factors) {
        List<FactorResult> results = new ArrayList<>(factors.size());
        List<Double> weights = new ArrayList<>(factors.size());
        double totalWeight = 0;
        double weighted = 0;
        for (HealthFactor factor : factors) {
            double weight = context.settings().weightOf(factor);
            FactorResult result = weight > 0 ? safely(factor, history, context) : null;
            results.add(result);
            weights.add(weight);
            if (result != null && result.applicable()) {
                totalWeight += weight;
                weighted += weight * result.score();
            }
        }

        List<FactorScore> parts = new ArrayList<>(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            if (results.get(i) != null) {
                parts.add(part(factors.get(i), results.get(i), weights.get(i), totalWeight));
            }
        }
        parts.sort(Comparator.comparing((FactorScore p) -> !p.applicable())
                .thenComparing(FactorScore::lost, Comparator.reverseOrder()));
        int score = totalWeight == 0 ? 0 : (int) Math.round(100 * weighted / totalWeight);
        return new Evaluation(score, parts);
    }

    private static FactorScore part(HealthFactor factor, FactorResult result, double weight, double totalWeight) {
        boolean counts = result.applicable() && totalWeight > 0;
        double points = counts ? 100 * weight * result.score() / totalWeight : 0;
        double lost = counts ? 100 * weight * (1 - result.score()) / totalWeight : 0;
        return new FactorScore(
                factor.name(),
                factor.label(),
                result.applicable(),
                result.value(),
                result.score(),
                weight,
                points,
                lost,
                result.sentence());
    }

    /** A contributed factor that fails must not take the customer's score with it. */
    private FactorResult safely(HealthFactor factor, CustomerHistory history, HealthContext context) {
        try {
            return factor.evaluate(history, context);
        } catch (RuntimeException e) {
            if (failedFactors.add(factor.name())) {
                LOG.warn("Health factor '{}' failed; it is left out of the scores it fails on", factor.name(), e);
            } else {
                LOG.debug("Health factor '{}' failed for '{}'", factor.name(), history.accountId(), e);
            }
            return FactorResult.notApplicable(new Text("This factor could not be evaluated", "该因素无法计算"));
        }
    }

    /** Scores a customer as of a day, with the score as of the change period before it. */
    HealthScore score(CustomerState state, HealthContext context, List<HealthFactor> factors) {
        CustomerHistory history = state.historyUpTo(context.asOf());
        if (history.purchases().isEmpty()) {
            return null;
        }
        Evaluation now = evaluate(history, context, factors);
        CustomerFigures figures = figures(history, context);
        HealthBand band = context.settings().bandOf(now.score(), figures.recencyDays());

        LocalDate earlier = context.asOf().minusDays(context.settings().changeDays());
        CustomerHistory before = state.historyUpTo(earlier);
        Integer previous = before.purchases().isEmpty()
                ? null
                : evaluate(before, new HealthContext(earlier, context.settings()), factors)
                        .score();

        AccountInfo account = state.account();
        return new HealthScore(
                state.accountId,
                account.code(),
                account.name(),
                context.asOf(),
                now.score(),
                band,
                previous,
                Math.max(0, figures.monetary()),
                figures,
                now.factors(),
                summary(now, band),
                dimensions(account, state.mainChannel()));
    }

    static CustomerFigures figures(CustomerHistory history, HealthContext context) {
        List<CustomerHistory.Purchase> purchases = history.purchases();
        LocalDate last = purchases.get(purchases.size() - 1).day();
        double purchased = 0;
        int frequency = 0;
        for (CustomerHistory.Purchase purchase : purchases) {
            if (context.inWindow(purchase.day())) {
                purchased += purchase.value();
                frequency++;
            }
        }
        double returned = history.returns().stream()
                .filter(r -> context.inWindow(r.day()))
                .mapToDouble(CustomerHistory.Return::value)
                .sum();
        List<Integer> intervals = Rhythm.intervals(history);
        int recentDays = context.settings().recentDays();
        return new CustomerFigures(
                ChronoUnit.DAYS.between(last, context.asOf()),
                frequency,
                purchased - returned,
                purchased,
                returned,
                purchased > 0 ? returned / purchased : 0,
                purchases.size(),
                purchases.get(0).day(),
                last,
                intervals,
                Rhythm.usual(intervals),
                BreadthFactor.categories(history, context, 0, recentDays).size(),
                BreadthFactor.categories(history, context, recentDays, recentDays)
                        .size(),
                context.settings().windowDays(),
                recentDays);
    }

    private static Text summary(Evaluation evaluation, HealthBand band) {
        Text head = new Text(
                band.label().en() + " (" + evaluation.score() + "/100)",
                band.label().zh() + "（" + evaluation.score() + "/100）");
        return evaluation.factors().stream()
                .filter(f -> f.applicable() && f.lost() >= 0.5)
                .findFirst()
                .map(f -> new Text(
                        head.en() + ": " + f.sentence().en(),
                        head.zh() + "：" + f.sentence().zh()))
                .orElse(new Text(head.en() + ": every factor is healthy", head.zh() + "：各项因素均健康"));
    }

    private static Map<String, String> dimensions(AccountInfo account, String channel) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        putIfKnown(dimensions, "region", account.region());
        putIfKnown(dimensions, "owner", account.owner());
        putIfKnown(dimensions, "channel", channel);
        putIfKnown(dimensions, "segment", account.segment());
        putIfKnown(dimensions, "country", account.country());
        return dimensions;
    }

    private static void putIfKnown(Map<String, String> dimensions, String key, String value) {
        if (value != null && !value.isBlank()) {
            dimensions.put(key, value);
        }
    }

    /** The engine's own factors, in the order the explanation lists them when they cost nothing. */
    static List<HealthFactor> builtIn() {
        return List.of(
                new RecencyFactor(),
                new IntervalFactor(),
                new FrequencyFactor(),
                new MonetaryFactor(),
                new ReturnsFactor(),
                new BreadthFactor(),
                new ContactFactor());
    }

    static Set<String> builtInNames() {
        Set<String> names = new HashSet<>();
        builtIn().forEach(f -> names.add(f.name()));
        return names;
    }
}
