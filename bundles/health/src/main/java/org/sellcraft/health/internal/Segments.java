package org.sellcraft.health.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.service.Page;

/** Lists and segment summaries over the current scores. */
final class Segments {

    static final String NONE = "(none)";
    private static final int BUCKETS = 10;

    private Segments() {}

    static Page<HealthScore> list(Collection<HealthScore> scores, HealthQuery query) {
        for (String dimension : query.dimensions().keySet()) {
            checkDimension(dimension);
        }
        List<HealthScore> matching = new ArrayList<>();
        for (HealthScore score : scores) {
            if (matches(score, query)) {
                matching.add(score);
            }
        }
        matching.sort(order(query));

        int from = Math.min(Math.max(query.offset(), 0), matching.size());
        int to = Math.min(from + Math.max(query.limit(), 0), matching.size());
        return new Page<>(matching.subList(from, to), matching.size(), from, query.limit());
    }

    private static boolean matches(HealthScore score, HealthQuery query) {
        if (query.band() != null && score.band() != query.band()) {
            return false;
        }
        if (score.score() < query.minScore() || score.score() > query.maxScore()) {
            return false;
        }
        for (Map.Entry<String, String> wanted : query.dimensions().entrySet()) {
            if (!wanted.getValue().equals(valueOf(score, wanted.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<HealthScore> order(HealthQuery query) {
        Comparator<HealthScore> order =
                switch (query.sort()) {
                    case SCORE -> Comparator.comparingInt(HealthScore::score);
                    case CHANGE -> Comparator.comparingInt(HealthScore::change);
                    case VALUE_AT_STAKE -> Comparator.comparingDouble(HealthScore::valueAtStake);
                    case RECENCY -> Comparator.comparingLong(s -> s.figures().recencyDays());
                };
        if (query.descending()) {
            order = order.reversed();
        }
        return order.thenComparing(HealthScore::accountId);
    }

    static List<SegmentSummary> summaries(Collection<HealthScore> scores, String dimension) {
        checkDimension(dimension);
        Map<String, List<HealthScore>> groups = new HashMap<>();
        for (HealthScore score : scores) {
            groups.computeIfAbsent(valueOf(score, dimension), v -> new ArrayList<>())
                    .add(score);
        }
        List<SegmentSummary> summaries = new ArrayList<>();
        groups.forEach((value, members) -> summaries.add(summary(dimension, value, members)));
        summaries.sort(
                Comparator.comparingInt(SegmentSummary::customers).reversed().thenComparing(SegmentSummary::value));
        return summaries;
    }

    private static SegmentSummary summary(String dimension, String value, List<HealthScore> members) {
        int[] sorted = members.stream().mapToInt(HealthScore::score).sorted().toArray();
        double mean = 0;
        for (int score : sorted) {
            mean += score;
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;

        Map<String, Integer> bands = new LinkedHashMap<>();
        for (HealthBand band : HealthBand.values()) {
            bands.put(band.id(), 0);
        }
        List<Integer> histogram = new ArrayList<>(java.util.Collections.nCopies(BUCKETS, 0));
        double atStake = 0;
        for (HealthScore score : members) {
            bands.merge(score.band().id(), 1, Integer::sum);
            int bucket = Math.min(score.score() / BUCKETS, BUCKETS - 1);
            histogram.set(bucket, histogram.get(bucket) + 1);
            if (score.band().needsAction()) {
                atStake += score.valueAtStake();
            }
        }
        return new SegmentSummary(
                dimension, value, sorted.length, mean / sorted.length, median, bands, histogram, atStake);
    }

    private static String valueOf(HealthScore score, String dimension) {
        return score.dimensions().getOrDefault(dimension, NONE);
    }

    private static void checkDimension(String dimension) {
        if (!HealthService.DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException(
                    "Unknown dimension '" + dimension + "': use one of " + HealthService.DIMENSIONS);
        }
    }
}
