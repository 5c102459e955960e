package org.sellcraft.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.service.ValidationException;

/**
 * The opportunities as the console shows them: with the names of their account, owner and product, grouped by stage
 * for the pipeline board or as a filtered, sorted page for the list.
 */
final class PipelineView {

    static final int MAX_PER_STAGE = 100;
    static final int MAX_PAGE = 200;
    private static final List<String> SORTS =
            List.of("value", "closeDate", "engageDate", "stage", "code", "accountName", "ownerName");

    private final RecordSource source;
    private final Values.Names names;

    PipelineView(RecordSource source) {
        this.source = source;
        this.names = new Values.Names(source);
    }

    /** The filter of both views: a text that an opportunity's code, name or account name contains. */
    record Filter(String text, String stage, String ownerId) {

        Predicate<Map<String, Object>> predicate() {
            String needle = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
            return json -> (stage == null || stage.isBlank() || stage.equals(json.get("stage")))
                    && (ownerId == null || ownerId.isBlank() || ownerId.equals(json.get("ownerId")))
                    && (needle == null
                            || contains(json.get("code"), needle)
                            || contains(json.get("name"), needle)
                            || contains(json.get("accountName"), needle));
        }

        private static boolean contains(Object value, String needle) {
            return value != null && value.toString().toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    /** Returns each stage in pipeline order with its count, its value and its largest opportunities. */
    Map<String, Object> board(Filter filter, int perStage) {
        Map<String, List<Map<String, Object>>> byStage = new LinkedHashMap<>();
        SalesTypes.STAGES.forEach(stage -> byStage.put(stage, new ArrayList<>()));
        for (Map<String, Object> json : matching(filter)) {
            byStage.computeIfAbsent(String.valueOf(json.get("stage")), s -> new ArrayList<>())
                    .add(json);
        }
        List<Map<String, Object>> stages = new ArrayList<>();
        byStage.forEach((stage, items) -> {
            BigDecimal value = items.stream()
                    .map(item -> Values.decimal(item.get("value")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            items.sort(largestFirst());
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("stage", stage);
            column.put("count", items.size());
            column.put("value", value);
            column.put("items", List.copyOf(items.subList(0, Math.min(perStage, items.size()))));
            stages.add(column);
        });
        return Map.of("stages", stages);
    }

    /** Returns one page of the matching opportunities, sorted by {@code sort} ({@code -value} for largest first). */
    Map<String, Object> page(Filter filter, String sort, int offset, int limit) {
        List<Map<String, Object>> items = matching(filter);
        items.sort(order(sort));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "items",
                List.copyOf(items.subList(Math.min(offset, items.size()), Math.min(offset + limit, items.size()))));
        json.put("total", items.size());
        json.put("offset", offset);
        json.put("limit", limit);
        return json;
    }

    private List<Map<String, Object>> matching(Filter filter) {
        Predicate<Map<String, Object>> predicate = filter.predicate();
        List<Map<String, Object>> found = new ArrayList<>();
        source.forEach(SalesTypes.OPPORTUNITY, opportunity -> {
            Map<String, Object> json = opportunityJson(opportunity, names);
            if (predicate.test(json)) {
                found.add(json);
            }
        });
        return found;
    }

    static Map<String, Object> opportunityJson(Record opportunity, Values.Names names) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", opportunity.id());
        json.put("version", opportunity.version());
        json.put("code", opportunity.get("code"));
        json.put("name", opportunity.get("name"));
        json.put("stage", opportunity.get("stage"));
        json.put("value", opportunity.get("value"));
        json.put("engageDate", opportunity.get("engageDate"));
        json.put("closeDate", opportunity.get("closeDate"));
        json.put("accountId", opportunity.get("accountId"));
        json.put("accountName", names.of(SalesTypes.ACCOUNT, opportunity.get("accountId")));
        json.put("ownerId", opportunity.get("ownerId"));
        json.put("ownerName", names.of(SalesTypes.REP, opportunity.get("ownerId")));
        json.put("productId", opportunity.get("productId"));
        json.put("productName", names.of(SalesTypes.PRODUCT, opportunity.get("productId")));
        return json;
    }

    /** Largest value first; without values, the most recent first. */
    private static Comparator<Map<String, Object>> largestFirst() {
        return Comparator.comparing((Map<String, Object> json) -> Values.decimal(json.get("value")))
                .reversed()
                .thenComparing(json -> latestDate(json), Comparator.reverseOrder())
                .thenComparing(json -> String.valueOf(json.get("code")));
    }

    private static String latestDate(Map<String, Object> json) {
        Object close = json.get("closeDate");
        return String.valueOf(close != null ? close : json.get("engageDate"));
    }

    static Comparator<Map<String, Object>> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return largestFirst();
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        if (!SORTS.contains(field)) {
            throw new ValidationException("sort", sort, "must be one of " + SORTS + ", with '-' for descending");
        }
        Comparator<Map<String, Object>> order = field.equals("value")
                ? Comparator.comparing(json -> Values.decimal(json.get("value")))
                : field.equals("stage")
                        ? Comparator.comparing(json -> SalesTypes.STAGES.indexOf(String.valueOf(json.get("stage"))))
                        : Comparator.comparing(json ->
                                json.get(field) == null ? "" : json.get(field).toString());
        order = descending ? order.reversed() : order;
        return order.thenComparing(json -> String.valueOf(json.get("code")));
    }
}
