package org.sellcraft.health.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.health.CustomerFigures;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthHistory;
import org.sellcraft.api.health.HealthPoint;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.service.Page;

/** Health as the REST API shows it. Text for people comes in both languages: {@code {"en": ..., "zh": ...}}. */
final class HealthJson {

    private HealthJson() {}

    /** A score with its full explanation. */
    static Map<String, Object> score(HealthScore score) {
        Map<String, Object> json = item(score);
        json.put("summary", text(score.summary()));
        json.put("reasons", score.reasons().stream().map(HealthJson::text).toList());
        json.put("figures", figures(score.figures()));
        List<Map<String, Object>> factors = new ArrayList<>();
        score.factors().forEach(factor -> factors.add(factor(factor)));
        json.put("factors", factors);
        return json;
    }

    /** A score as a list shows it. */
    static Map<String, Object> item(HealthScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", score.accountId());
        json.put("accountCode", score.accountCode());
        json.put("accountName", score.accountName());
        json.put("asOf", score.asOf());
        json.put("score", score.score());
        json.put("band", score.band().id());
        json.put("bandLabel", text(score.band().label()));
        json.put("previousScore", score.previousScore());
        json.put("change", score.change());
        json.put("valueAtStake", round(score.valueAtStake()));
        json.put("recencyDays", score.figures().recencyDays());
        json.put("dimensions", score.dimensions());
        return json;
    }

    static Map<String, Object> page(Page<HealthScore> page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items(page));
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    static List<Map<String, Object>> items(Page<HealthScore> page) {
        return page.items().stream().map(HealthJson::item).toList();
    }

    private static Map<String, Object> figures(CustomerFigures figures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recencyDays", figures.recencyDays());
        json.put("frequency", figures.frequency());
        json.put("monetary", round(figures.monetary()));
        json.put("purchased", round(figures.purchased()));
        json.put("returned", round(figures.returned()));
        json.put("returnRate", figures.returnRate());
        json.put("purchases", figures.purchases());
        json.put("firstPurchase", figures.firstPurchase());
        json.put("lastPurchase", figures.lastPurchase());
        json.put("intervals", figures.intervals());
        json.put("usualInterval", figures.usualInterval());
        json.put("recentCategories", figures.recentCategories());
        json.put("previousCategories", figures.previousCategories());
        json.put("windowDays", figures.windowDays());
        json.put("recentDays", figures.recentDays());
        return json;
    }

    private static Map<String, Object> factor(FactorScore factor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", factor.name());
        json.put("label", text(factor.label()));
        json.put("applicable", factor.applicable());
        json.put("value", Double.isNaN(factor.value()) ? null : factor.value());
        json.put("score", factor.score());
        json.put("weight", factor.weight());
        json.put("points", round(factor.points()));
        json.put("lost", round(factor.lost()));
        json.put("sentence", text(factor.sentence()));
        return json;
    }

    static Map<String, Object> history(HealthHistory history) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "trajectory",
                history.trajectory().stream().map(HealthJson::point).toList());
        json.put("recorded", history.recorded().stream().map(HealthJson::point).toList());
        return json;
    }

    private static Map<String, Object> point(HealthPoint point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("day", point.day());
        json.put("score", point.score());
        json.put("band", point.band().id());
        return json;
    }

    static Map<String, Object> alert(HealthAlert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", alert.accountId());
        json.put("accountCode", alert.accountCode());
        json.put("raisedAt", alert.raisedAt());
        json.put("score", alert.score());
        json.put("band", alert.band().id());
        json.put("previousBand", alert.previousBand().id());
        json.put("valueAtStake", round(alert.valueAtStake()));
        json.put("reason", text(alert.reason()));
        json.put("firstSeenAt", alert.firstSeenAt());
        json.put("firstSeenBy", alert.firstSeenBy());
        json.put(
                "responseSeconds", alert.responseTime().map(Duration::toSeconds).orElse(null));
        json.put("open", alert.open());
        return json;
    }

    /** How many alerts there are, how many nobody has looked at, and how fast people looked at the others. */
    static Map<String, Object> alertStats(List<HealthAlert> alerts) {
        long[] seconds = alerts.stream()
                .flatMap(alert -> alert.responseTime().stream())
                .mapToLong(Duration::toSeconds)
                .sorted()
                .toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alerts", alerts.size());
        json.put("open", alerts.stream().filter(HealthAlert::open).count());
        json.put("unseen", alerts.size() - seconds.length);
        json.put("medianResponseSeconds", seconds.length == 0 ? null : seconds[seconds.length / 2]);
        return json;
    }

    static Map<String, Object> segment(SegmentSummary segment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", segment.value());
        json.put("customers", segment.customers());
        json.put("meanScore", round(segment.meanScore()));
        json.put("medianScore", segment.medianScore());
        json.put("bands", segment.bands());
        json.put("histogram", segment.histogram());
        json.put("valueAtStake", round(segment.valueAtStake()));
        return json;
    }

    static Map<String, Object> config(HealthSettings settings, List<HealthService.FactorInfo> factors) {
        Map<String, Object> json = new LinkedHashMap<>(Settings.toProperties(settings));
        Map<String, Double> weights = new LinkedHashMap<>();
        List<Map<String, Object>> described = new ArrayList<>();
        for (HealthService.FactorInfo factor : factors) {
            weights.put(factor.name(), factor.weight());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", factor.name());
            entry.put("label", text(factor.label()));
            entry.put("weight", factor.weight());
            entry.put("builtIn", factor.builtIn());
            described.add(entry);
        }
        json.put("weights", weights);
        json.put("nonProductCodes", settings.nonProductCodes());
        json.put("factors", described);
        return json;
    }

    static Map<String, String> text(Text text) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("en", text.en());
        json.put("zh", text.zh());
        return json;
    }

    private static double round(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
