package org.sellcraft.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.service.Page;

/**
 * Customer health for the console, when the health module is installed. The health engine scores every customer;
 * the console shows only the scores of accounts the caller may see.
 */
final class HealthView {

    static final int AT_RISK = 10;
    private static final int PAGE = 1000;

    private HealthView() {}

    /** The distribution of the visible customers' scores, and those at risk with the most value at stake. */
    static Map<String, Object> summary(HealthService health, Set<String> visibleAccounts) {
        List<HealthScore> scores = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<HealthScore> page =
                    health.list(new HealthQuery(null, 0, 100, Map.of(), HealthQuery.Sort.SCORE, false, offset, PAGE));
            page.items().stream()
                    .filter(score -> visibleAccounts.contains(score.accountId()))
                    .forEach(scores::add);
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        int[] histogram = new int[10];
        Map<String, Integer> bands = new LinkedHashMap<>();
        for (HealthBand band : HealthBand.values()) {
            bands.put(band.id(), 0);
        }
        double atStake = 0;
        for (HealthScore score : scores) {
            histogram[Math.min(9, Math.max(0, score.score() / 10))]++;
            bands.merge(score.band().id(), 1, Integer::sum);
            if (score.band().needsAction()) {
                atStake += score.valueAtStake();
            }
        }
        List<Map<String, Object>> atRisk = scores.stream()
                .filter(score -> score.band().needsAction())
                .sorted(Comparator.comparingDouble(HealthScore::valueAtStake).reversed())
                .limit(AT_RISK)
                .map(HealthView::brief)
                .toList();

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", scores.size());
        json.put("histogram", java.util.Arrays.stream(histogram).boxed().toList());
        json.put("bands", bands);
        json.put("valueAtStake", atStake);
        json.put("atRisk", atRisk);
        return json;
    }

    /** A customer's score with every factor's part and the sentences that explain it. */
    static Map<String, Object> explanation(HealthScore score) {
        Map<String, Object> json = brief(score);
        json.put("asOf", score.asOf());
        json.put("previousScore", score.previousScore());
        json.put("change", score.change());
        json.put("figures", score.figures());
        List<Map<String, Object>> factors = new ArrayList<>();
        for (FactorScore factor : score.factors()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", factor.name());
            row.put("label", text(factor.label()));
            row.put("applicable", factor.applicable());
            row.put("value", Double.isFinite(factor.value()) ? factor.value() : null);
            row.put("score", factor.score());
            row.put("weight", factor.weight());
            row.put("points", factor.points());
            row.put("lost", factor.lost());
            row.put("sentence", text(factor.sentence()));
            factors.add(row);
        }
        json.put("factors", factors);
        json.put("reasons", score.reasons().stream().map(HealthView::text).toList());
        return json;
    }

    private static Map<String, Object> brief(HealthScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accountId", score.accountId());
        json.put("accountCode", score.accountCode());
        json.put("accountName", score.accountName());
        json.put("score", score.score());
        json.put("band", score.band().id());
        json.put("bandLabel", text(score.band().label()));
        json.put("valueAtStake", score.valueAtStake());
        json.put("summary", text(score.summary()));
        return json;
    }

    private static Map<String, String> text(Text text) {
        return text == null ? null : Map.of("en", text.en(), "zh-CN", text.zh());
    }
}
