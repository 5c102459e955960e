package org.sellcraft.ai.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.sellcraft.api.health.CustomerFigures;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.Text;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordQuery.Filter;
import org.sellcraft.api.service.RecordQuery.Operator;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * The data steps a card can use. Every step reads through the record service as the person who runs the task, so
 * the facts of a run hold nothing that person may not see. Customer health figures come from the health service
 * and are only asked for customers the person can see.
 *
 * <p>A product's category is its catalogue category where it has one, otherwise the family of its stock code (the
 * first three digits of a numeric code, the letters of an alphabetic one), the same proxy customer health uses.
 */
final class DataSteps {

    /** Every step with the parameters it accepts; the first ones listed as required must be given. */
    static final Map<String, StepInfo> CATALOGUE = catalogue();

    private static Map<String, StepInfo> catalogue() {
        Map<String, StepInfo> steps = new java.util.LinkedHashMap<>();
        steps.put("customer", new StepInfo(List.of("customer"), List.of()));
        steps.put(
                "select-customers",
                new StepInfo(
                        List.of(), List.of("region", "country", "category", "from", "to", "minValue", "owner", "top")));
        steps.put("purchase-cycles", new StepInfo(List.of(), List.of("cycles")));
        steps.put("health-explanation", new StepInfo(List.of(), List.of()));
        steps.put("categories-bought", new StepInfo(List.of(), List.of("last")));
        steps.put("products-in-stock", new StepInfo(List.of(), List.of("category", "asOf", "days", "limit")));
        steps.put("open-opportunities", new StepInfo(List.of(), List.of()));
        steps.put("activities", new StepInfo(List.of(), List.of("last")));
        steps.put("notes", new StepInfo(List.of("text"), List.of()));
        steps.put(
                "addon-candidates", new StepInfo(List.of(), List.of("top", "months", "valueDays", "asOf", "products")));
        steps.put("customer-portfolio", new StepInfo(List.of(), List.of("owner", "month", "list")));
        return java.util.Collections.unmodifiableMap(steps);
    }

    /**
     * How many days before the as-of date a product must have sold to count as in stock. Sellcraft keeps no
     * inventory, so a product counts as in stock when orders the caller may see sold it within this period: it was
     * available to ship lately.
     */
    static final int IN_STOCK_DAYS = 30;

    private static final int PAGE = RecordQuery.MAX_LIMIT;
    private static final int FAMILY_DIGITS = 3;

    /**
     * The parameters of a step.
     *
     * @param required parameters that must be given
     * @param optional parameters that may be given
     */
    record StepInfo(List<String> required, List<String> optional) {}

    private final RecordService records;
    private final HealthService health;
    private final ZoneId zone;
    private final Set<String> nonProductCodes;

    /**
     * @param health customer health, or {@code null} when it is not installed
     * @param nonProductCodes stock codes that are not products (postage, fees); a trailing {@code *} matches any
     *     ending
     */
    DataSteps(RecordService records, HealthService health, ZoneId zone, List<String> nonProductCodes) {
        this.records = records;
        this.health = health;
        this.zone = zone;
        this.nonProductCodes = Set.copyOf(nonProductCodes.stream()
                .map(code -> code.trim().toUpperCase(Locale.ROOT))
                .toList());
    }

    /** Runs one step with its parameters, inputs already filled in. */
    void run(Gathering gathering, String step, Map<String, String> params) {
        switch (step) {
            case "customer" -> customer(gathering, params.get("customer"));
            case "purchase-cycles" -> purchaseCycles(gathering, intParam(params, "cycles", 3, 1, 20));
            case "health-explanation" -> healthExplanation(gathering);
            case "categories-bought" -> categoriesBought(gathering, intParam(params, "last", 3, 1, 20));
            case "open-opportunities" -> openOpportunities(gathering);
            case "activities" -> activities(gathering, intParam(params, "last", 5, 1, 50));
            case "notes" -> notes(gathering, params.get("text"));
            case "addon-candidates" -> new AddOns(gathering, params).run();
            case "select-customers" -> new Selections(this, records).select(gathering, params);
            case "products-in-stock" -> new Selections(this, records).inStock(gathering, params);
            case "customer-portfolio" -> new Portfolio(this, records, health).run(gathering, params);
            default -> throw new ValidationException(
                    "step", step, "unknown data step; steps are " + CATALOGUE.keySet());
        }
    }

    private void customer(Gathering gathering, String customer) {
        if (customer == null || customer.isBlank()) {
            throw new ValidationException("customer", customer, "a customer's code or id is required");
        }
        Record account = findAccount(gathering, customer.trim())
                .orElseThrow(() -> new ValidationException(
                        "customer", customer, "no customer with this code or id that you may see"));
        gathering.subjects.put(account.id(), account);
        String query = "account where code or id = '" + customer.trim() + "', as " + gathering.caller.userName();
        String code = Gathering.code(account);
        gathering.fact(code, "customer.code", code, query);
        gathering.fact(code, "customer.name", account.get("name"), query);
        if (account.get("country") != null) {
            gathering.fact(code, "customer.country", account.get("country"), query);
        }
    }

    private Optional<Record> findAccount(Gathering gathering, String customer) {
        Page<Record> byCode = records.list(
                gathering.caller,
                new RecordQuery(
                        SalesTypes.ACCOUNT, List.of(new Filter("code", Operator.EQUALS, customer)), null, false, 0, 1));
        if (!byCode.items().isEmpty()) {
            return Optional.of(byCode.items().get(0));
        }
        try {
            return Optional.of(records.get(gathering.caller, SalesTypes.ACCOUNT, customer));
        } catch (RecordNotFoundException e) {
            return Optional.empty();
        }
    }

    private HealthScore score(Gathering gathering) {
        if (health == null) {
            throw new IllegalStateException("This step needs customer health: install the feature sellcraft-health");
        }
        Record account = gathering.customer();
        return health.score(account.id())
                .orElseThrow(() -> new ValidationException(
                        "customer", Gathering.code(account), "the customer has no purchase, so no purchase cycles"));
    }

    /** The last purchase cycles: the days between consecutive purchase days, with the days they span. */
    private void purchaseCycles(Gathering gathering, int cycles) {
        HealthScore score = score(gathering);
        CustomerFigures figures = score.figures();
        String code = Gathering.code(gathering.customer());
        String query = "customer health figures of account " + score.accountId() + " as of " + score.asOf();

        gathering.fact(code, "asOf", score.asOf(), query);
        gathering.fact(code, "purchases", figures.purchases(), query);
        gathering.fact(code, "lastPurchase", figures.lastPurchase(), query);
        gathering.fact(code, "daysSinceLastPurchase", figures.recencyDays(), query);
        gathering.fact(code, "usualInterval", Numbers.plain(figures.usualInterval()), query);
        gathering.fact(code, "spend", Numbers.money(figures.monetary()), query);
        gathering.fact(code, "spendWindowDays", figures.windowDays(), query);

        List<Integer> intervals = figures.intervals();
        List<LocalDate> days = new ArrayList<>();
        days.add(figures.lastPurchase());
        for (int i = intervals.size() - 1; i >= 0; i--) {
            days.add(0, days.get(0).minusDays(intervals.get(i)));
        }
        int first = Math.max(0, intervals.size() - cycles);
        gathering.fact(code, "cycles", intervals.size() - first, query);
        for (int i = first; i < intervals.size(); i++) {
            String key = "cycle." + (i - first + 1);
            gathering.fact(code, key + ".days", intervals.get(i), query);
            gathering.fact(code, key + ".from", days.get(i), query);
            gathering.fact(code, key + ".to", days.get(i + 1), query);
        }
    }

    private void healthExplanation(Gathering gathering) {
        HealthScore score = score(gathering);
        String code = Gathering.code(gathering.customer());
        String query = "customer health score of account " + score.accountId() + " as of " + score.asOf();
        gathering.fact(code, "health.score", score.score(), query);
        gathering.fact(code, "health.band", score.band().id(), query);
        List<Text> reasons = score.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            Text reason = reasons.get(i);
            gathering.fact(code, "health.reason." + (i + 1), gathering.chinese() ? reason.zh() : reason.en(), query);
        }
    }

    /** The last categories the customer bought, most recent first, from the orders the caller may see. */
    private void categoriesBought(Gathering gathering, int last) {
        Record account = gathering.customer();
        String code = Gathering.code(account);
        Map<String, LocalDate> lastDayByCategory = new HashMap<>();
        Map<String, String> exampleByCategory = new HashMap<>();
        forEachOrderOf(gathering, account.id(), order -> {
            if (Boolean.TRUE.equals(order.get("cancellation"))) {
                return;
            }
            LocalDate day = day(order);
            for (Map<String, Object> line : lines(order)) {
                String sku = sku(line);
                if (isProduct(sku) && quantity(line) > 0) {
                    String category = family(sku);
                    LocalDate known = lastDayByCategory.get(category);
                    if (known == null || !day.isBefore(known)) {
                        lastDayByCategory.put(category, day);
                        exampleByCategory.put(category, description(line));
                    }
                }
            }
        });
        String query = "orders where accountId = " + account.id() + ", as " + gathering.caller.userName();
        List<String> categories = lastDayByCategory.keySet().stream()
                .sorted(Comparator.comparing((String c) -> lastDayByCategory.get(c))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(last)
                .toList();
        gathering.fact(code, "categories", categories.size(), query);
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            gathering.fact(code, "category." + (i + 1), category, query);
            gathering.fact(code, "category." + (i + 1) + ".lastBought", lastDayByCategory.get(category), query);
            gathering.fact(code, "category." + (i + 1) + ".example", exampleByCategory.get(category), query);
        }
    }

    private void openOpportunities(Gathering gathering) {
        Record account = gathering.customer();
        String code = Gathering.code(account);
        String query = "opportunities where accountId = " + account.id() + " and stage is open, as "
                + gathering.caller.userName();
        List<Record> open = new ArrayList<>();
        forEachPage(gathering, SalesTypes.OPPORTUNITY, account.id(), "closeDate", opportunity -> {
            Object stage = opportunity.get("stage");
            if (!"Won".equals(stage) && !"Lost".equals(stage)) {
                open.add(opportunity);
            }
        });
        gathering.fact(code, "openOpportunities", open.size(), query);
        for (int i = 0; i < open.size(); i++) {
            Record opportunity = open.get(i);
            String key = "opportunity." + (i + 1);
            gathering.fact(code, key + ".name", opportunity.get("name"), query);
            gathering.fact(code, key + ".stage", opportunity.get("stage"), query);
            if (opportunity.get("value") != null) {
                gathering.fact(code, key + ".value", Numbers.money(opportunity.get("value")), query);
            }
        }
    }

    private void activities(Gathering gathering, int last) {
        Record account = gathering.customer();
        String code = Gathering.code(account);
        String query =
                "activities where accountId = " + account.id() + ", newest first, as " + gathering.caller.userName();
        Page<Record> page = records.list(
                gathering.caller,
                new RecordQuery(
                        SalesTypes.ACTIVITY,
                        List.of(new Filter("accountId", Operator.EQUALS, account.id())),
                        "occurredAt",
                        true,
                        0,
                        last));
        gathering.fact(code, "activities", page.total(), query);
        for (int i = 0; i < page.items().size(); i++) {
            Record activity = page.items().get(i);
            String key = "activity." + (i + 1);
            gathering.fact(code, key + ".kind", activity.get("kind"), query);
            gathering.fact(code, key + ".day", day(activity.get("occurredAt")), query);
            if (activity.get("subject") != null) {
                gathering.fact(code, key + ".subject", activity.get("subject"), query);
            }
        }
    }

    private void notes(Gathering gathering, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("notes", text, "the rep's notes are required");
        }
        String subject = gathering.subjects.isEmpty() ? null : Gathering.code(gathering.customer());
        gathering.fact(subject, "notes", text.strip(), "notes typed by " + gathering.caller.userName());
    }

    /**
     * The add-on candidates: of the customers with the highest net spend within the value window, those without an
     * add-on purchase within the last months. An add-on purchase is a purchase day, other than the customer's first,
     * on which the customer bought a product of a category they had not bought on any earlier day. For each
     * candidate: the spend, the last purchase, the last three categories and in-stock products of those categories
     * the customer has never bought.
     */
    private final class AddOns {
        private final Gathering gathering;
        private final int top;
        private final int months;
        private final int valueDays;
        private final int products;
        private final String asOfParam;

        private final Map<String, BigDecimal> valueByDayAndAccount = new HashMap<>();
        private final Map<String, TreeMap<LocalDate, Set<String>>> categoriesByDay = new HashMap<>();
        private final Map<String, Set<String>> skusBought = new HashMap<>();
        private final Map<String, List<Sale>> sales = new HashMap<>();
        private LocalDate latest;

        private record Sale(LocalDate day, BigDecimal purchased, BigDecimal returned) {}

        private record Sold(LocalDate day, String sku, String description, long quantity) {}

        private final List<Sold> sold = new ArrayList<>();

        AddOns(Gathering gathering, Map<String, String> params) {
            this.gathering = gathering;
            this.top = intParam(params, "top", 200, 1, 1000);
            this.months = intParam(params, "months", 6, 1, 60);
            this.valueDays = intParam(params, "valueDays", 365, 1, 3660);
            this.products = intParam(params, "products", 3, 1, 10);
            this.asOfParam = params.get("asOf");
        }

        void run() {
            records.forEach(gathering.caller, SalesTypes.ORDER, this::read);
            LocalDate asOf = asOf();
            LocalDate valueFrom = asOf.minusDays(valueDays);
            LocalDate addOnFrom = asOf.minusMonths(months);

            Map<String, BigDecimal> value = new HashMap<>();
            sales.forEach((account, list) -> {
                if (!categoriesByDay.containsKey(account)) {
                    return;
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (Sale sale : list) {
                    if (sale.day().isAfter(valueFrom) && !sale.day().isAfter(asOf)) {
                        sum = sum.add(sale.purchased()).subtract(sale.returned());
                    }
                }
                value.put(account, sum);
            });
            List<String> ranked = value.keySet().stream()
                    .sorted(Comparator.comparing((String a) -> value.get(a))
                            .reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(top)
                    .toList();
            List<String> candidates = ranked.stream()
                    .filter(account -> !boughtAddOn(account, addOnFrom, asOf))
                    .toList();

            String query = "orders visible to " + gathering.caller.userName() + ": top " + top
                    + " customers by net spend in the " + valueDays + " days to " + asOf
                    + ", without a purchase of a new category after " + addOnFrom;
            gathering.fact(null, "asOf", asOf, query);
            gathering.fact(null, "top", top, query);
            gathering.fact(null, "months", months, query);
            gathering.fact(null, "candidates", candidates.size(), query);
            Map<String, List<Sold>> inStock = inStockByCategory(asOf);
            for (String accountId : candidates) {
                describe(accountId, value.get(accountId), asOf, inStock, query);
            }
        }

        private void read(Record order) {
            Object account = order.get("accountId");
            if (account == null) {
                return;
            }
            String accountId = account.toString();
            LocalDate day = day(order);
            latest = latest == null || day.isAfter(latest) ? day : latest;
            boolean cancellation = Boolean.TRUE.equals(order.get("cancellation"));
            BigDecimal purchased = BigDecimal.ZERO;
            BigDecimal returned = BigDecimal.ZERO;
            Set<String> categories = new TreeSet<>();
            for (Map<String, Object> line : lines(order)) {
                String sku = sku(line);
                if (!isProduct(sku)) {
                    continue;
                }
                long quantity = quantity(line);
                BigDecimal lineValue = price(line).multiply(BigDecimal.valueOf(quantity));
                if (quantity < 0) {
                    returned = returned.subtract(lineValue);
                } else if (quantity > 0 && !cancellation) {
                    purchased = purchased.add(lineValue);
                    categories.add(family(sku));
                    skusBought.computeIfAbsent(accountId, a -> new HashSet<>()).add(normal(sku));
                    sold.add(new Sold(day, normal(sku), description(line), quantity));
                }
            }
            sales.computeIfAbsent(accountId, a -> new ArrayList<>()).add(new Sale(day, purchased, returned));
            if (!categories.isEmpty()) {
                categoriesByDay
                        .computeIfAbsent(accountId, a -> new TreeMap<>())
                        .computeIfAbsent(day, d -> new TreeSet<>())
                        .addAll(categories);
            }
        }

        private LocalDate asOf() {
            if (asOfParam != null && !asOfParam.isBlank()) {
                try {
                    return LocalDate.parse(asOfParam.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ValidationException("asOf", asOfParam, "not a date as yyyy-MM-dd");
                }
            }
            if (latest == null) {
                throw new ValidationException("asOf", null, "there are no orders you may see");
            }
            return latest;
        }

        private boolean boughtAddOn(String account, LocalDate from, LocalDate asOf) {
            Set<String> before = new HashSet<>();
            for (Map.Entry<LocalDate, Set<String>> day :
                    categoriesByDay.get(account).entrySet()) {
                if (day.getKey().isAfter(asOf)) {
                    break;
                }
                boolean newCategory = !before.containsAll(day.getValue());
                if (!before.isEmpty() && newCategory && day.getKey().isAfter(from)) {
                    return true;
                }
                before.addAll(day.getValue());
            }
            return false;
        }

        /** Products sold within the in-stock period, per category, the most units first. */
        private Map<String, List<Sold>> inStockByCategory(LocalDate asOf) {
            LocalDate from = asOf.minusDays(IN_STOCK_DAYS);
            Map<String, Long> units = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (Sold line : sold) {
                if (line.day().isAfter(from) && !line.day().isAfter(asOf)) {
                    units.merge(line.sku(), line.quantity(), Long::sum);
                    names.putIfAbsent(line.sku(), line.description());
                }
            }
            Map<String, List<Sold>> byCategory = new HashMap<>();
            units.forEach((sku, quantity) -> byCategory
                    .computeIfAbsent(family(sku), c -> new ArrayList<>())
                    .add(new Sold(asOf, sku, names.get(sku), quantity)));
            byCategory
                    .values()
                    .forEach(list -> list.sort(
                            Comparator.comparingLong(Sold::quantity).reversed().thenComparing(Sold::sku)));
            return byCategory;
        }

        private void describe(
                String accountId, BigDecimal value, LocalDate asOf, Map<String, List<Sold>> inStock, String query) {
            Record account = records.get(gathering.caller, SalesTypes.ACCOUNT, accountId);
            gathering.subjects.put(accountId, account);
            String code = Gathering.code(account);
            gathering.fact(code, "customer.code", code, query);
            gathering.fact(code, "customer.name", account.get("name"), query);
            gathering.fact(code, "spend", Numbers.money(value), query);
            TreeMap<LocalDate, Set<String>> days = categoriesByDay.get(accountId);
            gathering.fact(code, "lastPurchase", days.headMap(asOf, true).lastKey(), query);

            List<String> lastCategories = new ArrayList<>();
            for (LocalDate day : days.headMap(asOf, true).descendingKeySet()) {
                for (String category : days.get(day)) {
                    if (lastCategories.size() < 3 && !lastCategories.contains(category)) {
                        lastCategories.add(category);
                    }
                }
            }
            Set<String> bought = skusBought.getOrDefault(accountId, Set.of());
            int productNo = 0;
            for (int i = 0; i < lastCategories.size(); i++) {
                String category = lastCategories.get(i);
                gathering.fact(code, "category." + (i + 1), category, query);
                for (Sold product : inStock.getOrDefault(category, List.of())) {
                    if (productNo >= products) {
                        break;
                    }
                    if (!bought.contains(product.sku())) {
                        productNo++;
                        gathering.fact(
                                code, "product." + productNo, product.sku() + " " + product.description(), query);
                    }
                }
            }
        }
    }

    private void forEachOrderOf(Gathering gathering, String accountId, Consumer<Record> consumer) {
        forEachPage(gathering, SalesTypes.ORDER, accountId, "orderedAt", consumer);
    }

    private void forEachPage(Gathering gathering, String type, String accountId, String sort, Consumer<Record> each) {
        List<Filter> filters = List.of(new Filter("accountId", Operator.EQUALS, accountId));
        for (int offset = 0; ; offset += PAGE) {
            Page<Record> page =
                    records.list(gathering.caller, new RecordQuery(type, filters, sort, false, offset, PAGE));
            page.items().forEach(each);
            if (page.items().size() < PAGE) {
                return;
            }
        }
    }

    private LocalDate day(Record order) {
        return day(order.get("orderedAt"));
    }

    LocalDate day(Object instant) {
        return instant instanceof Instant at ? at.atZone(zone).toLocalDate() : LocalDate.parse(instant.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Record order) {
        Object lines = order.get("lines");
        return lines instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static String sku(Map<String, Object> line) {
        Object sku = line.get("sku");
        return sku == null ? "" : sku.toString();
    }

    static long quantity(Map<String, Object> line) {
        Object quantity = line.get("quantity");
        return quantity instanceof Number n ? n.longValue() : 0;
    }

    static BigDecimal price(Map<String, Object> line) {
        Object price = line.get("unitPrice");
        return price instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(price));
    }

    static String description(Map<String, Object> line) {
        Object description = line.get("description");
        return description == null ? "" : description.toString().strip();
    }

    static String normal(String sku) {
        return sku.trim().toUpperCase(Locale.ROOT);
    }

    boolean isProduct(String sku) {
        if (sku == null || sku.isBlank()) {
            return false;
        }
        String code = normal(sku);
        for (String excluded : nonProductCodes) {
            if (excluded.endsWith("*")
                    ? code.startsWith(excluded.substring(0, excluded.length() - 1))
                    : code.equals(excluded)) {
                return false;
            }
        }
        return true;
    }

    /** The family of a stock code: the first three digits of a numeric code, the letters of an alphabetic one. */
    static String family(String sku) {
        String code = normal(sku);
        if (!code.isEmpty() && Character.isDigit(code.charAt(0))) {
            return code.substring(0, Math.min(FAMILY_DIGITS, code.length()));
        }
        int end = 0;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return end == 0 ? code : code.substring(0, end);
    }

    static int intParam(Map<String, String> params, String name, int defaultValue, int min, int max) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new ValidationException(name, value, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ValidationException(name, value, "not a whole number");
        }
    }
}
