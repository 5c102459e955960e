package org.sellcraft.ai.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordQuery.Filter;
import org.sellcraft.api.service.RecordQuery.Operator;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * The data steps that select customers and products from the orders the caller may see: {@code select-customers}
 * and {@code products-in-stock}, and the people an {@code owner} input names.
 */
final class Selections {

    private static final int DEFAULT_TOP = 200;
    private static final int MAX_TOP = 1000;
    private static final int WINDOW_DAYS = 365;

    private final DataSteps steps;
    private final RecordService records;

    Selections(DataSteps steps, RecordService records) {
        this.steps = steps;
        this.records = records;
    }

    /** What one order adds to its customer's figures: net product value and the categories bought. */
    record OrderSum(
            String accountId,
            Object ownerId,
            LocalDate day,
            boolean cancellation,
            BigDecimal purchased,
            BigDecimal returned,
            Set<String> categories) {

        BigDecimal net() {
            return purchased.subtract(returned);
        }
    }

    /** Sums an order's product lines; returned lines and lines of cancellations count as returned. */
    OrderSum sum(Record order) {
        Object account = order.get("accountId");
        boolean cancellation = Boolean.TRUE.equals(order.get("cancellation"));
        BigDecimal purchased = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        Set<String> categories = new HashSet<>();
        for (Map<String, Object> line : DataSteps.lines(order)) {
            String sku = DataSteps.sku(line);
            if (!steps.isProduct(sku)) {
                continue;
            }
            long quantity = DataSteps.quantity(line);
            BigDecimal value = DataSteps.price(line).multiply(BigDecimal.valueOf(quantity));
            if (quantity < 0) {
                returned = returned.subtract(value);
            } else if (quantity > 0 && !cancellation) {
                purchased = purchased.add(value);
                categories.add(DataSteps.family(sku));
            }
        }
        return new OrderSum(
                account == null ? null : account.toString(),
                order.get("ownerId"),
                steps.day(order.get("orderedAt")),
                cancellation,
                purchased,
                returned,
                categories);
    }

    // ---- select-customers

    /**
     * Selects the customers whose orders within a time window match the criteria, the highest net spend first.
     * Only the orders the caller may see count. Criteria: {@code country} (the country an order went to, or else the
     * customer's), {@code region} (a region's code or name, matched against the order's or the customer's region),
     * {@code category} (a product of that category bought within the window), {@code owner} (orders sold by, or
     * customers owned by, the people a rep, team or manager code names), {@code minValue} (net spend within the
     * window at least this), {@code from} and {@code to} (days, inclusive; by default the 365 days up to the latest
     * order the caller may see) and {@code top} (at most this many, 200 by default).
     */
    void select(Gathering gathering, Map<String, String> params) {
        Caller caller = gathering.caller;
        String country = text(params.get("country"));
        String category = text(params.get("category"));
        String regionId = params.get("region") == null ? null : regionId(caller, params.get("region"));
        Optional<People> people = Optional.ofNullable(text(params.get("owner"))).map(o -> people(caller, o));
        BigDecimal minValue = decimal(params, "minValue");
        int top = DataSteps.intParam(params, "top", DEFAULT_TOP, 1, MAX_TOP);
        LocalDate to = date(params, "to").orElseGet(() -> latest(caller));
        LocalDate from = date(params, "from").orElse(to.minusDays(WINDOW_DAYS - 1));
        if (from.isAfter(to)) {
            throw new ValidationException("from", from.toString(), "must not be after 'to' (" + to + ")");
        }

        Map<String, Record> accounts = needsAccounts(country, regionId, people) ? accounts(caller) : Map.of();
        Map<String, BigDecimal> value = new HashMap<>();
        Set<String> boughtCategory = new HashSet<>();
        records.forEach(caller, SalesTypes.ORDER, order -> {
            OrderSum sum = sum(order);
            if (sum.accountId() == null || sum.day().isBefore(from) || sum.day().isAfter(to)) {
                return;
            }
            Record account = accounts.get(sum.accountId());
            if (!matches(order.get("country"), account, "country", country)
                    || !matches(order.get("regionId"), account, "regionId", regionId)
                    || people.isPresent() && !people.get().sold(sum.ownerId(), account)) {
                return;
            }
            value.merge(sum.accountId(), sum.net(), BigDecimal::add);
            if (category != null && sum.categories().contains(category.toUpperCase(Locale.ROOT))) {
                boughtCategory.add(sum.accountId());
            }
        });
        List<String> selected = value.keySet().stream()
                .filter(account -> category == null || boughtCategory.contains(account))
                .filter(account -> minValue == null || value.get(account).compareTo(minValue) >= 0)
                .sorted(Comparator.comparing((String a) -> value.get(a))
                        .reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(top)
                .toList();

        String query = "orders visible to " + caller.userName() + " from " + from + " to " + to
                + (country == null ? "" : ", country '" + country + "'")
                + (regionId == null ? "" : ", region '" + params.get("region").trim() + "'")
                + (category == null ? "" : ", category '" + category + "' bought")
                + people.map(p -> ", sold by " + p.label()).orElse("")
                + (minValue == null ? "" : ", net spend at least " + minValue.toPlainString())
                + "; the highest net spend first, at most " + top;
        gathering.fact(null, "selection.from", from, query);
        gathering.fact(null, "selection.to", to, query);
        gathering.fact(null, "selected", selected.size(), query);
        for (String accountId : selected) {
            Record account = records.get(caller, SalesTypes.ACCOUNT, accountId);
            gathering.subjects.put(accountId, account);
            String code = Gathering.code(account);
            gathering.fact(code, "customer.code", code, query);
            gathering.fact(code, "customer.name", account.get("name"), query);
            if (account.get("country") != null) {
                gathering.fact(code, "customer.country", account.get("country"), query);
            }
            gathering.fact(code, "spend", Numbers.money(value.get(accountId)), query);
        }
    }

    private static boolean needsAccounts(String country, String regionId, Optional<People> people) {
        return country != null || regionId != null || people.isPresent();
    }

    /** Whether the order's own value, or else the customer's, equals the wanted one; no wanted value matches all. */
    private static boolean matches(Object orderValue, Record account, String accountField, String wanted) {
        if (wanted == null) {
            return true;
        }
        Object value = orderValue != null ? orderValue : account == null ? null : account.get(accountField);
        return value != null && value.toString().trim().equalsIgnoreCase(wanted);
    }

    private Map<String, Record> accounts(Caller caller) {
        Map<String, Record> accounts = new HashMap<>();
        records.forEach(caller, SalesTypes.ACCOUNT, account -> accounts.put(account.id(), account));
        return accounts;
    }

    private String regionId(Caller caller, String region) {
        String wanted = region.trim();
        for (String field : List.of("code", "name")) {
            Optional<Record> found = first(caller, SalesTypes.REGION, field, wanted);
            if (found.isPresent()) {
                return found.get().id();
            }
        }
        try {
            return records.get(caller, SalesTypes.REGION, wanted).id();
        } catch (RecordNotFoundException e) {
            throw new ValidationException("region", region, "no region with this code, name or id");
        }
    }

    // ---- products-in-stock

    /**
     * The products in stock of some categories, the most units sold first. Sellcraft keeps no inventory: a product
     * is in stock when orders the caller may see sold it within the {@code days} (30 by default) up to the as-of
     * date (by default the latest order the caller may see). The categories are the {@code category} parameter or,
     * without it, the categories earlier steps found ({@code category.1}, {@code category.2}, ...); with neither,
     * the step finds nothing.
     */
    void inStock(Gathering gathering, Map<String, String> params) {
        Caller caller = gathering.caller;
        Set<String> categories = new LinkedHashSet<>();
        String given = text(params.get("category"));
        if (given != null) {
            categories.add(given.toUpperCase(Locale.ROOT));
        } else {
            gathering.facts.stream()
                    .filter(fact -> fact.key().matches("category\\.\\d+"))
                    .forEach(fact -> categories.add(fact.value()));
        }
        int days = DataSteps.intParam(params, "days", DataSteps.IN_STOCK_DAYS, 1, 366);
        int limit = DataSteps.intParam(params, "limit", 3, 1, 20);
        LocalDate asOf = date(params, "asOf").orElseGet(() -> latest(caller));
        LocalDate from = asOf.minusDays(days);

        Map<String, Long> units = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        records.forEach(caller, SalesTypes.ORDER, order -> {
            LocalDate day = steps.day(order.get("orderedAt"));
            if (Boolean.TRUE.equals(order.get("cancellation")) || !day.isAfter(from) || day.isAfter(asOf)) {
                return;
            }
            for (Map<String, Object> line : DataSteps.lines(order)) {
                String sku = DataSteps.normal(DataSteps.sku(line));
                long quantity = DataSteps.quantity(line);
                if (quantity > 0 && steps.isProduct(sku) && categories.contains(DataSteps.family(sku))) {
                    units.merge(sku, quantity, Long::sum);
                    names.putIfAbsent(sku, DataSteps.description(line));
                }
            }
        });

        String query = "orders visible to " + caller.userName() + " in the " + days + " days to " + asOf
                + ": products sold in that time count as in stock, the most units first";
        gathering.fact(null, "inStock.asOf", asOf, query);
        gathering.fact(null, "inStock.days", days, query);
        gathering.fact(null, "inStock.categories", categories.size(), query);
        int index = 0;
        for (String category : categories) {
            index++;
            List<String> products = units.keySet().stream()
                    .filter(sku -> DataSteps.family(sku).equals(category))
                    .sorted(Comparator.comparing((String sku) -> units.get(sku))
                            .reversed()
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(limit)
                    .toList();
            String key = "inStock." + index;
            gathering.fact(null, key + ".category", category, query);
            gathering.fact(null, key + ".products", products.size(), query);
            for (int i = 0; i < products.size(); i++) {
                String sku = products.get(i);
                gathering.fact(null, key + ".product." + (i + 1), sku + " " + names.get(sku), query);
                gathering.fact(null, key + ".product." + (i + 1) + ".units", units.get(sku), query);
            }
        }
    }

    // ---- owners

    /**
     * The people whose customers a step is about.
     *
     * @param label how the facts name them
     * @param ids the rep and manager record ids
     */
    record People(String label, Set<String> ids) {

        /** Whether an order's seller, or else its customer's owner, is one of these people. */
        boolean sold(Object orderOwner, Record account) {
            return ids.contains(orderOwner) || account != null && ids.contains(account.get("ownerId"));
        }
    }

    /**
     * The people an owner code names: a rep, a team (its reps and its manager) or a manager (the manager and the
     * reps they manage).
     *
     * @throws ValidationException when no rep, team or manager has the code
     */
    People people(Caller caller, String owner) {
        String code = owner.trim();
        Optional<Record> rep = first(caller, SalesTypes.REP, "code", code);
        if (rep.isPresent()) {
            return new People("rep " + code, Set.of(rep.get().id()));
        }
        Optional<Record> team = first(caller, SalesTypes.TEAM, "code", code);
        if (team.isPresent()) {
            Set<String> ids = new HashSet<>();
            Object manager = team.get().get("managerId");
            if (manager != null) {
                ids.add(manager.toString());
            }
            ids.addAll(ids(caller, SalesTypes.REP, "teamId", team.get().id()));
            return new People("team " + code, ids);
        }
        Optional<Record> manager = first(caller, SalesTypes.MANAGER, "code", code);
        if (manager.isPresent()) {
            Set<String> ids = new HashSet<>(
                    ids(caller, SalesTypes.REP, "managerId", manager.get().id()));
            ids.add(manager.get().id());
            return new People("manager " + code + " and their reps", ids);
        }
        throw new ValidationException("owner", owner, "no rep, team or manager with this code");
    }

    /** The caller's own people: themselves, and the reps they manage; empty for a caller who is no rep or manager. */
    Optional<People> ownPeople(Caller caller) {
        if (caller.personId() == null) {
            return Optional.empty();
        }
        Set<String> ids = new HashSet<>(ids(caller, SalesTypes.REP, "managerId", caller.personId()));
        ids.add(caller.personId());
        return Optional.of(new People(caller.userName() + " and their reps", ids));
    }

    private Optional<Record> first(Caller caller, String type, String field, String value) {
        List<Record> found = records.list(
                        caller,
                        new RecordQuery(type, List.of(new Filter(field, Operator.EQUALS, value)), null, false, 0, 1))
                .items();
        return found.stream().findFirst();
    }

    private Set<String> ids(Caller caller, String type, String field, String value) {
        Set<String> ids = new HashSet<>();
        forEach(caller, type, field, value, record -> ids.add(record.id()));
        return ids;
    }

    private void forEach(Caller caller, String type, String field, String value, Consumer<Record> each) {
        List<Filter> filters = List.of(new Filter(field, Operator.EQUALS, value));
        for (int offset = 0; ; offset += RecordQuery.MAX_LIMIT) {
            List<Record> page = records.list(
                            caller, new RecordQuery(type, filters, null, false, offset, RecordQuery.MAX_LIMIT))
                    .items();
            page.forEach(each);
            if (page.size() < RecordQuery.MAX_LIMIT) {
                return;
            }
        }
    }

    // ---- parameters

    /** The day of the latest order the caller may see. */
    LocalDate latest(Caller caller) {
        List<LocalDate> latest = new ArrayList<>(1);
        records.forEach(caller, SalesTypes.ORDER, order -> {
            LocalDate day = steps.day(order.get("orderedAt"));
            if (latest.isEmpty()) {
                latest.add(day);
            } else if (day.isAfter(latest.get(0))) {
                latest.set(0, day);
            }
        });
        if (latest.isEmpty()) {
            throw new ValidationException("to", null, "there are no orders you may see");
        }
        return latest.get(0);
    }

    static Optional<LocalDate> date(Map<String, String> params, String name) {
        String value = text(params.get(name));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, value, "not a date as yyyy-MM-dd");
        }
    }

    private static BigDecimal decimal(Map<String, String> params, String name) {
        String value = text(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ValidationException(name, value, "not a number");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
