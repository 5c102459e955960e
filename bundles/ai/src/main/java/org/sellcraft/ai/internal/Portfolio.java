package org.sellcraft.ai.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sellcraft.api.health.CustomerFigures;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * The {@code customer-portfolio} step behind the monthly customer strategy brief: the customers of a rep, a team or
 * a manager, as far as the caller may see them, with the month's business, their health bands, the customers at
 * risk with the value at stake, and the renewals due within the month.
 *
 * <p>A rep's customers are those the rep's orders went to and the accounts the rep owns. A renewal is due within the
 * month when the customer's last purchase plus their usual interval between purchases, rounded to whole days, falls
 * in it. Health bands are the customer health engine's, as of its latest day.
 */
final class Portfolio {

    private static final int DEFAULT_LIST = 5;

    private final Selections selections;
    private final RecordService records;
    private final HealthService health;

    Portfolio(DataSteps steps, RecordService records, HealthService health) {
        this.selections = new Selections(steps, records);
        this.records = records;
        this.health = health;
    }

    private record Customer(Record account, HealthScore score) {
        String code() {
            return Gathering.code(account);
        }
    }

    void run(Gathering gathering, Map<String, String> params) {
        if (health == null) {
            throw new IllegalStateException("This step needs customer health: install the feature sellcraft-health");
        }
        Caller caller = gathering.caller;
        String owner = params.get("owner");
        Optional<Selections.People> people = owner == null || owner.isBlank()
                ? selections.ownPeople(caller)
                : Optional.of(selections.people(caller, owner));
        int list = DataSteps.intParam(params, "list", DEFAULT_LIST, 1, 50);

        Map<String, Record> accounts = new LinkedHashMap<>();
        records.forEach(caller, SalesTypes.ACCOUNT, account -> accounts.put(account.id(), account));
        List<Selections.OrderSum> orders = new ArrayList<>();
        Set<String> customers = new HashSet<>();
        records.forEach(caller, SalesTypes.ORDER, order -> {
            Selections.OrderSum sum = selections.sum(order);
            if (sum.accountId() != null) {
                orders.add(sum);
                if (people.isEmpty() || people.get().sold(sum.ownerId(), accounts.get(sum.accountId()))) {
                    customers.add(sum.accountId());
                }
            }
        });
        if (people.isPresent()) {
            accounts.values().stream()
                    .filter(account -> people.get().ids().contains(account.get("ownerId")))
                    .forEach(account -> customers.add(account.id()));
        }
        YearMonth month = month(params.get("month"));
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();

        String who = people.map(Selections.People::label).orElse("every customer " + caller.userName() + " may see");
        String query = "orders and accounts visible to " + caller.userName() + ", customers of " + who;
        gathering.fact(null, "month", month, query);
        gathering.fact(null, "customers", customers.size(), query);
        monthBusiness(gathering, orders, customers, first, last, query);

        List<Customer> scored = new ArrayList<>();
        for (String accountId : customers) {
            Record account = accounts.get(accountId);
            if (account != null) {
                health.score(accountId).ifPresent(score -> scored.add(new Customer(account, score)));
            }
        }
        String healthQuery = "customer health of the " + customers.size() + " customers of " + who;
        scored.stream()
                .map(c -> c.score().asOf())
                .max(Comparator.naturalOrder())
                .ifPresent(asOf -> gathering.fact(null, "health.asOf", asOf, healthQuery));
        for (HealthBand band : HealthBand.values()) {
            long count = scored.stream().filter(c -> c.score().band() == band).count();
            gathering.fact(null, "band." + band.id(), count, healthQuery);
        }
        atRisk(gathering, scored, list, healthQuery);
        renewals(gathering, scored, first, last, list, healthQuery);
    }

    private static void monthBusiness(
            Gathering gathering,
            List<Selections.OrderSum> orders,
            Set<String> customers,
            LocalDate first,
            LocalDate last,
            String query) {
        BigDecimal spend = BigDecimal.ZERO;
        int purchases = 0;
        Set<String> buying = new HashSet<>();
        for (Selections.OrderSum order : orders) {
            if (customers.contains(order.accountId())
                    && !order.day().isBefore(first)
                    && !order.day().isAfter(last)) {
                spend = spend.add(order.net());
                if (order.purchased().signum() > 0) {
                    purchases++;
                    buying.add(order.accountId());
                }
            }
        }
        gathering.fact(null, "month.from", first, query);
        gathering.fact(null, "month.to", last, query);
        gathering.fact(null, "month.orders", purchases, query);
        gathering.fact(null, "month.customersBuying", buying.size(), query);
        gathering.fact(null, "month.spend", Numbers.money(spend), query);
    }

    private static void atRisk(Gathering gathering, List<Customer> scored, int list, String query) {
        List<Customer> atRisk = scored.stream()
                .filter(c -> c.score().band().needsAction())
                .sorted(Comparator.comparingDouble((Customer c) -> c.score().valueAtStake())
                        .reversed()
                        .thenComparing(Customer::code))
                .toList();
        double stake =
                atRisk.stream().mapToDouble(c -> c.score().valueAtStake()).sum();
        gathering.fact(null, "atRisk", atRisk.size(), query);
        gathering.fact(null, "atRisk.valueAtStake", Numbers.money(BigDecimal.valueOf(stake)), query);
        for (int i = 0; i < Math.min(list, atRisk.size()); i++) {
            Customer customer = atRisk.get(i);
            HealthScore score = customer.score();
            String key = "atRisk." + (i + 1);
            gathering.fact(customer.code(), key + ".customer", customer.code(), query);
            gathering.fact(customer.code(), key + ".name", customer.account().get("name"), query);
            gathering.fact(customer.code(), key + ".band", score.band().id(), query);
            gathering.fact(customer.code(), key + ".score", score.score(), query);
            gathering.fact(
                    customer.code(),
                    key + ".valueAtStake",
                    Numbers.money(BigDecimal.valueOf(score.valueAtStake())),
                    query);
            if (!score.reasons().isEmpty()) {
                gathering.fact(
                        customer.code(),
                        key + ".reason",
                        gathering.chinese()
                                ? score.reasons().get(0).zh()
                                : score.reasons().get(0).en(),
                        query);
            }
        }
    }

    /** The day a customer's next purchase is due: the last purchase plus the usual interval, or empty without one. */
    static Optional<LocalDate> renewalDue(CustomerFigures figures) {
        if (figures.intervals().isEmpty() || figures.usualInterval() <= 0) {
            return Optional.empty();
        }
        return Optional.of(figures.lastPurchase().plusDays(Math.round(figures.usualInterval())));
    }

    private static void renewals(
            Gathering gathering, List<Customer> scored, LocalDate first, LocalDate last, int list, String query) {
        Map<Customer, LocalDate> due = new LinkedHashMap<>();
        for (Customer customer : scored) {
            renewalDue(customer.score().figures())
                    .filter(day -> !day.isBefore(first) && !day.isAfter(last))
                    .ifPresent(day -> due.put(customer, day));
        }
        List<Customer> ordered = due.keySet().stream()
                .sorted(Comparator.comparing((Customer c) -> due.get(c)).thenComparing(Customer::code))
                .toList();
        gathering.fact(null, "renewalsDue", ordered.size(), query);
        for (int i = 0; i < Math.min(list, ordered.size()); i++) {
            Customer customer = ordered.get(i);
            CustomerFigures figures = customer.score().figures();
            String key = "renewal." + (i + 1);
            gathering.fact(customer.code(), key + ".customer", customer.code(), query);
            gathering.fact(customer.code(), key + ".due", due.get(customer), query);
            gathering.fact(customer.code(), key + ".lastPurchase", figures.lastPurchase(), query);
            gathering.fact(customer.code(), key + ".usualInterval", Numbers.plain(figures.usualInterval()), query);
            gathering.fact(
                    customer.code(), key + ".band", customer.score().band().id(), query);
        }
    }

    private YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return health.list(HealthQuery.all(1)).items().stream()
                    .findFirst()
                    .map(score -> YearMonth.from(score.asOf()))
                    .orElseThrow(() -> new ValidationException("month", null, "no customer has a score yet"));
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("month", value, "not a month as yyyy-MM");
        }
    }
}
