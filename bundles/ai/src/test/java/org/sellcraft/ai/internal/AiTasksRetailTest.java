package org.sellcraft.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthEvents;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.ValidationException;

/**
 * The built-in cards on the full UCI retail file, imported by the platform's importer into a real store with the real
 * access policy and customer health, checked against figures computed independently from the raw CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiTasksRetailTest {

    /** A steady customer with seven purchase days; in these tests the rep Anna sells to it. */
    private static final String STEADY = "12347";
    /** A customer Anna has never sold to. */
    private static final String OTHERS = "12346";

    private RetailWorld world;
    private RawRetail raw;
    private AiTasks tasks;
    private Caller admin;
    private Caller anna;
    private Caller ben;

    @BeforeAll
    void buildOnTheRetailFile() throws Exception {
        world = RetailWorld.get();
        raw = RawRetail.read();
        tasks = new AiTasks(world.records, () -> world.health, Clock.systemUTC());
        tasks.configure(
                "grounded",
                ZoneId.of("UTC"),
                AiTasks.split("POST, DOT, M, C2, D, S, B, BANK CHARGES, AMAZONFEE, CRUK, gift_0001_*"));
        tasks.addProvider(new GroundedProvider());

        admin = new Caller("u-admin", "admin", Set.of(Roles.ADMIN));
        String annaId = person("anna", "Anna Li");
        String benId = person("ben", "Ben Wang");
        anna = new Caller("u-anna", "anna", Set.of(Roles.REP), null, annaId, Set.of());
        ben = new Caller("u-ben", "ben", Set.of(Roles.REP), null, benId, Set.of());
        sellsTo(annaId, STEADY);
    }

    /** Makes a rep the seller of every order of a customer. */
    private void sellsTo(String repId, String customer) {
        Record account = account(customer);
        for (Record order : world.records
                .list(
                        Caller.system(),
                        new RecordQuery(
                                SalesTypes.ORDER,
                                List.of(new RecordQuery.Filter("accountId", RecordQuery.Operator.EQUALS, account.id())),
                                null,
                                false,
                                0,
                                RecordQuery.MAX_LIMIT))
                .items()) {
            world.records.update(
                    Caller.system(), SalesTypes.ORDER, order.id(), order.version(), Map.of("ownerId", repId));
        }
    }

    private Record byCode(String type, String code) {
        return world.records
                .list(
                        Caller.system(),
                        new RecordQuery(
                                type,
                                List.of(new RecordQuery.Filter("code", RecordQuery.Operator.EQUALS, code)),
                                null,
                                false,
                                0,
                                1))
                .items()
                .get(0);
    }

    private String person(String code, String name) {
        return world.records
                .create(Caller.system(), SalesTypes.REP, Map.of("code", code, "name", name))
                .id();
    }

    private Record account(String code) {
        return world.records
                .list(
                        Caller.system(),
                        new RecordQuery(
                                SalesTypes.ACCOUNT,
                                List.of(new RecordQuery.Filter("code", RecordQuery.Operator.EQUALS, code)),
                                null,
                                false,
                                0,
                                1))
                .items()
                .get(0);
    }

    private static Map<String, String> facts(Record run, String subject) {
        Map<String, String> facts = new LinkedHashMap<>();
        Runs.facts(run).stream()
                .filter(fact -> Objects.equals(subject, fact.subject()))
                .forEach(fact -> facts.put(fact.key(), fact.value()));
        return facts;
    }

    private static ModelReply output(Record run) {
        return Runs.reply(run, "output", "grounded-templates");
    }

    @Test
    @Order(1)
    void renewalTalkTracksNameTheLastThreePurchaseCyclesOfARealCustomer() {
        List<Integer> intervals = raw.intervals(STEADY);
        List<Integer> lastThree = intervals.subList(intervals.size() - 3, intervals.size());
        assertEquals(List.of(54, 90, 37), lastThree, "the raw file's last three cycles of " + STEADY);

        Record run = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, "rep");

        Map<String, String> facts = facts(run, STEADY);
        assertEquals("3", facts.get("cycles"));
        for (int i = 0; i < 3; i++) {
            assertEquals(String.valueOf(lastThree.get(i)), facts.get("cycle." + (i + 1) + ".days"));
        }
        assertEquals("2011-12-07", facts.get("lastPurchase"));
        assertEquals("2", facts.get("daysSinceLastPurchase"));
        ModelReply output = output(run);
        assertEquals(3, output.items().size());
        assertTrue(
                output.items().get(0).get("text").startsWith("Your last orders came 54, 90, 37 days apart"),
                output.items().get(0).get("text"));
        assertEquals("done", run.get("status"));
        assertEquals(true, run.get("passed"));
        assertEquals("pending", run.get("signOff"));
        assertEquals("anna", run.get("userName"));
        assertEquals(account(STEADY).id(), run.get("accountId"));
        assertTrue(Runs.facts(run).stream().allMatch(fact -> !fact.query().isBlank()), "every fact names its query");

        Record chinese = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "zh-CN", null, "rep");
        assertTrue(output(chinese).items().get(0).get("text").startsWith("您最近几次订货的间隔分别为 54、90、37 天"));
        assertEquals(true, chinese.get("passed"));
    }

    @Test
    @Order(2)
    void addOnRecommendationsGoToExactlyTheCustomersAnIndependentComputationFinds() {
        List<String> expected = raw.addOnCandidates(200, 6);
        assertEquals(16, expected.size(), "top 200 by spend without a new category since 2011-06-09");
        assertEquals("15098", expected.get(0));

        Record run = tasks.run(admin, "addon-recommendations", Map.of(), "en", null, "rep");

        List<String> subjects = Runs.facts(run).stream()
                .filter(fact -> fact.key().equals("customer.code"))
                .map(Fact::value)
                .toList();
        assertEquals(expected, subjects);
        assertEquals("16", facts(run, null).get("candidates"));
        assertEquals("2011-12-09", facts(run, null).get("asOf"));
        for (String customer : expected) {
            assertEquals(
                    raw.spend(customer).setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    facts(run, customer).get("spend"),
                    customer + " spend");
        }
        ModelReply output = output(run);
        assertEquals(16, output.items().size());
        assertTrue(output.items().get(0).get("customer").contains(expected.get(0)));
        assertEquals(true, run.get("passed"), Runs.checks(run).toString());
    }

    @Test
    @Order(3)
    void aPlantedWrongFigureFailsTheGroundingCheck() {
        Record run = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, "rep");
        ModelReply output = output(run);
        assertTrue(Checks.grounding(output, Runs.facts(run)).passed());

        List<Map<String, String>> planted = new ArrayList<>(output.items());
        Map<String, String> first = new LinkedHashMap<>(planted.get(0));
        first.put("text", first.get("text").replace("54, 90, 37 days", "54, 999, 37 days"));
        planted.set(0, first);
        Checks.Result result = Checks.grounding(new ModelReply(planted, List.of(), "planted", 1), Runs.facts(run));

        assertFalse(result.passed());
        assertEquals("figures not among the facts: 999", result.detail());
    }

    @Test
    @Order(4)
    void signOffRecordsAdoptionEditWithItsDifferenceAndDiscardWithItsReason() {
        Record adopted = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, "rep");
        adopted = tasks.signOff(anna, adopted.id(), "adopt", null, null);
        assertEquals("adopted", adopted.get("signOff"));
        assertEquals("anna", adopted.get("signedBy"));
        assertTrue(adopted.get("signedAt") instanceof Instant);

        ValidationException twice =
                assertThrows(ValidationException.class, () -> tasks.signOff(anna, adoptedId(), "discard", null, "x"));
        assertEquals("decision", twice.field());

        Record edited = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, "system");
        List<Map<String, String>> items = new ArrayList<>(output(edited).items());
        Map<String, String> changed = new LinkedHashMap<>(items.get(1));
        changed.put("title", "Lock in your prices");
        items.set(1, changed);
        edited = tasks.signOff(anna, edited.id(), "edit", items, null);
        assertEquals("edited", edited.get("signOff"));
        String diff = (String) edited.get("diff");
        assertTrue(diff.contains("-2.title: Build on what you buy"), diff);
        assertTrue(diff.contains("+2.title: Lock in your prices"), diff);
        assertEquals(
                "Lock in your prices",
                Runs.reply(edited, "edited", "edited").items().get(1).get("title"));

        Record discarded = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, "rep");
        String id = discarded.id();
        ValidationException noReason =
                assertThrows(ValidationException.class, () -> tasks.signOff(anna, id, "discard", null, " "));
        assertEquals("reason", noReason.field());
        discarded = tasks.signOff(anna, id, "discard", null, "The customer moved to a yearly contract");
        assertEquals("discarded", discarded.get("signOff"));
        assertEquals("The customer moved to a yearly contract", discarded.get("discardReason"));

        ValidationException unknown =
                assertThrows(ValidationException.class, () -> tasks.signOff(anna, id, "approve", null, null));
        assertEquals("decision", unknown.field());
    }

    private String adoptedId() {
        return tasks.runs(anna, "renewal-talk-tracks", "adopted", 1).get(0).id();
    }

    @Test
    @Order(5)
    void aRunNeverReadsARecordItsRepMayNotSee() {
        ValidationException hidden = assertThrows(
                ValidationException.class,
                () -> tasks.run(anna, "renewal-talk-tracks", Map.of("customer", OTHERS), "en", null, "rep"));
        assertEquals("customer", hidden.field());
        assertEquals(
                "Field 'customer': no customer with this code or id that you may see (value '12346')",
                hidden.getMessage());

        Record addOns = tasks.run(anna, "addon-recommendations", Map.of("top", "200"), "en", null, "rep");
        Set<String> subjects = Runs.facts(addOns).stream()
                .map(Fact::subject)
                .filter(subject -> subject != null)
                .collect(Collectors.toSet());
        assertTrue(Set.of(STEADY).containsAll(subjects), subjects.toString());
        assertEquals("2011-12-07", facts(addOns, null).get("asOf"), "Anna's latest order, not the file's");

        Record mine = tasks.runs(anna, null, null, 1).get(0);
        assertThrows(RecordNotFoundException.class, () -> tasks.run(ben, mine.id()));
        assertTrue(tasks.runs(ben, null, null, 100).isEmpty());
        assertEquals(mine.id(), tasks.run(admin, mine.id()).id());
    }

    @Test
    @Order(6)
    void badInputIsRefusedNamingTheInputAndNothingIsStored() {
        int before = tasks.runs(admin, null, null, 1000).size();

        ValidationException missing = assertThrows(
                ValidationException.class, () -> tasks.run(anna, "renewal-talk-tracks", Map.of(), "en", null, "rep"));
        assertEquals("customer", missing.field());
        ValidationException top = assertThrows(
                ValidationException.class,
                () -> tasks.run(admin, "addon-recommendations", Map.of("top", "lots"), "en", null, "rep"));
        assertEquals("Field 'top': not a whole number (value 'lots')", top.getMessage());
        ValidationException language = assertThrows(
                ValidationException.class,
                () -> tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "fr", null, "rep"));
        assertEquals("language", language.field());
        ValidationException provider = assertThrows(
                ValidationException.class,
                () -> tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", "gpt", "rep"));
        assertEquals(
                "Field 'provider': no such provider; providers are [grounded] (value 'gpt')", provider.getMessage());

        assertEquals(before, tasks.runs(admin, null, null, 1000).size());
    }

    @Test
    @Order(7)
    void theOtherBuiltInCardsPassTheirChecksOnRealData() {
        Record checklist = tasks.run(anna, "pre-visit-checklist", Map.of("customer", STEADY), "en", null, "rep");
        assertEquals(true, checklist.get("passed"), Runs.checks(checklist).toString());
        assertEquals(3, output(checklist).items().size());
        assertEquals("0", facts(checklist, STEADY).get("openOpportunities"));

        String notes = "Met the buyer. They will order 24 sets of lanterns before 2011-12-20. Asked about 10% off.";
        Record actions =
                tasks.run(anna, "post-visit-actions", Map.of("customer", STEADY, "notes", notes), "zh-CN", null, "rep");
        assertEquals(true, actions.get("passed"), Runs.checks(actions).toString());
        assertEquals(3, output(actions).confirmations().size());

        Record visit = tasks.run(anna, "visit-notes", Map.of("customer", STEADY, "notes", notes), "en", null, "rep");
        assertEquals(true, visit.get("passed"), Runs.checks(visit).toString());
        assertEquals(
                "Risk: check the figures noted (24, 2011-12-20, 10) against what was said.",
                output(visit).confirmations().get(0));
        assertEquals(
                "They will order 24 sets of lanterns before 2011-12-20.",
                output(visit).items().get(1).get("text"));
    }

    @Test
    @Order(8)
    void theManagerViewCountsRunsSignOffsAndAdoptionPerPerson() {
        Instant now = Instant.now();
        Map<String, Object> metrics = tasks.metrics(admin, now.minus(Duration.ofDays(1)), now.plusSeconds(60));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) metrics.get("people");
        Map<String, Object> annaFigures = people.stream()
                .filter(person -> person.get("userName").equals("anna"))
                .findFirst()
                .orElseThrow();
        List<Record> annaRuns = tasks.runs(anna, null, null, 1000);
        assertEquals(annaRuns.size(), annaFigures.get("runs"));
        assertEquals(1, annaFigures.get("promptedBySystem"));
        assertEquals(
                Map.of("pending", annaRuns.size() - 3, "adopted", 1, "edited", 1, "discarded", 1),
                annaFigures.get("decisions"));
        assertEquals(0.667, annaFigures.get("adoptionRate"));
        assertNull(annaFigures.get("clarity"));
    }

    @Test
    @Order(9)
    void aProviderThatFailsNeverLosesTheRunAndTheRunCanBeWrittenAgain() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        tasks.addProvider(ChatCompletionsProviderTest.provider("http://127.0.0.1:" + port + "/v1", 1, 0));

        Record failed = tasks.run(admin, "renewal-talk-tracks", Map.of("customer", STEADY), "en", "chat", "rep");

        assertEquals("failed", failed.get("status"));
        assertEquals(
                "The model server at http://127.0.0.1:" + port
                        + "/v1/chat/completions cannot be reached (ConnectException) (1 attempt)",
                failed.get("error"));
        assertEquals("54", facts(tasks.run(admin, failed.id()), STEADY).get("cycle.1.days"));
        ValidationException adopt =
                assertThrows(ValidationException.class, () -> tasks.signOff(admin, failed.id(), "adopt", null, null));
        assertEquals(
                "Field 'decision': a failed run has no output to adopt or edit (value 'adopt')", adopt.getMessage());

        Record again = tasks.regenerate(admin, failed.id(), "grounded");

        assertEquals(failed.id(), again.id());
        assertEquals("done", again.get("status"));
        assertNull(again.get("error"));
        assertEquals(true, again.get("passed"));
        assertEquals(3, output(again).items().size());
    }

    @Test
    @Order(10)
    void aRepSavesACardOfTheirOwnWhichIsValidatedRunsAndCountsForTheirClarity() {
        TaskCard lapsed = new TaskCard(
                "lapsed-categories",
                "renewal",
                "Lapsed categories",
                "久未复购的类别",
                List.of(new TaskCard.Input("customer", "customer", true, null)),
                List.of(
                        new TaskCard.Step("customer", Map.of("customer", "$customer")),
                        new TaskCard.Step("categories-bought", Map.of("last", "2"))),
                "fact-sheet",
                "For the customer, list the two categories bought last and the day each was last bought, as text.",
                new TaskCard.Output(List.of("text"), 1, 0),
                List.of("item-count", "required-fields", "grounding"),
                null);
        tasks.saveCard(ben, lapsed);
        assertEquals("ben", tasks.card(ben, "lapsed-categories").author());
        assertThrows(RecordNotFoundException.class, () -> tasks.card(anna, "lapsed-categories"));
        TaskCard builtInId = new TaskCard(
                "renewal-talk-tracks",
                "renewal",
                "Mine",
                "我的",
                lapsed.inputs(),
                lapsed.steps(),
                "fact-sheet",
                lapsed.instruction(),
                lapsed.output(),
                lapsed.checks(),
                null);
        ValidationException taken = assertThrows(ValidationException.class, () -> tasks.saveCard(ben, builtInId));
        assertEquals("Field 'id': is the id of a built-in card (value 'renewal-talk-tracks')", taken.getMessage());

        Record run = tasks.run(admin, "lapsed-categories", Map.of("customer", STEADY), "en", null, "rep");
        assertEquals(true, run.get("passed"), Runs.checks(run).toString());
        assertEquals("2", facts(run, STEADY).get("categories"));
        assertEquals("2011-12-07", facts(run, STEADY).get("category.1.lastBought"));

        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        Map<String, Object> team =
                (Map<String, Object>) tasks.metrics(admin, now.minus(Duration.ofDays(1)), now.plusSeconds(60))
                        .get("team");
        assertEquals(1, team.get("cardsWritten"));
        assertEquals((double) Cards.clarity(lapsed), team.get("clarity"));
    }

    @Test
    @Order(11)
    void aMonthlyStrategyBriefCoversTheTeamsCustomersAndOnlyAManagerSignsIt() {
        String mariaId = world.records
                .create(Caller.system(), SalesTypes.MANAGER, Map.of("code", "maria", "name", "Maria Chen"))
                .id();
        String teamId = world.records
                .create(
                        Caller.system(),
                        SalesTypes.TEAM,
                        Map.of("code", "north", "name", "North", "managerId", mariaId))
                .id();
        for (String rep : List.of("anna", "ben")) {
            Record record = byCode(SalesTypes.REP, rep);
            world.records.update(
                    Caller.system(),
                    SalesTypes.REP,
                    record.id(),
                    record.version(),
                    Map.of("teamId", teamId, "managerId", mariaId));
        }
        List<String> bens = raw.customers().stream()
                .filter(c -> c.compareTo("12350") >= 0 && c.compareTo("12365") <= 0)
                .toList();
        bens.forEach(customer -> sellsTo(ben.personId(), customer));
        Caller maria = new Caller("u-maria", "maria", Set.of(Roles.MANAGER), null, mariaId, Set.of());
        List<String> team = new ArrayList<>(bens);
        team.add(STEADY);

        Record brief = tasks.run(
                maria, "customer-strategy-brief", Map.of("owner", "north", "month", "2011-12"), "en", null, "rep");

        Map<String, String> f = new LinkedHashMap<>();
        Runs.facts(brief).forEach(fact -> f.put(fact.key(), fact.value()));
        assertEquals(16, team.size());
        assertEquals("16", f.get("customers"));
        LocalDate first = LocalDate.of(2011, 12, 1);
        LocalDate last = LocalDate.of(2011, 12, 31);
        BigDecimal spend = team.stream().map(c -> raw.net(c, first, last)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(spend.setScale(2, RoundingMode.HALF_UP).toPlainString(), f.get("month.spend"));
        assertEquals(
                String.valueOf(team.stream()
                        .mapToInt(c -> raw.purchaseInvoices(c, first, last))
                        .sum()),
                f.get("month.orders"));
        List<HealthScore> scores =
                team.stream().map(c -> world.health.score(c).orElseThrow()).toList();
        for (HealthBand band : HealthBand.values()) {
            long count = scores.stream().filter(s -> s.band() == band).count();
            assertEquals(String.valueOf(count), f.get("band." + band.id()), band.id());
        }
        List<HealthScore> atRisk = scores.stream()
                .filter(s -> s.band().needsAction())
                .sorted(Comparator.comparingDouble(HealthScore::valueAtStake).reversed())
                .toList();
        assertEquals(String.valueOf(atRisk.size()), f.get("atRisk"));
        assertEquals(atRisk.get(0).accountCode(), f.get("atRisk.1.customer"));
        assertEquals(
                BigDecimal.valueOf(atRisk.stream()
                                .mapToDouble(HealthScore::valueAtStake)
                                .sum())
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString(),
                f.get("atRisk.valueAtStake"));

        Map<String, LocalDate> due = new java.util.TreeMap<>();
        for (String customer : team) {
            LocalDate next = expectedNextPurchase(customer);
            if (next != null && !next.isBefore(first) && !next.isAfter(last)) {
                due.put(customer, next);
            }
        }
        assertEquals(String.valueOf(due.size()), f.get("renewalsDue"));
        List<String> dueOrder = due.keySet().stream()
                .sorted(Comparator.comparing((String c) -> due.get(c)).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int i = 0; i < Math.min(5, dueOrder.size()); i++) {
            assertEquals(dueOrder.get(i), f.get("renewal." + (i + 1) + ".customer"));
            assertEquals(due.get(dueOrder.get(i)).toString(), f.get("renewal." + (i + 1) + ".due"));
        }
        assertEquals("manager", brief.get("signer"));
        assertEquals(true, brief.get("passed"), Runs.checks(brief).toString());
        assertEquals(4, output(brief).items().size());
        assertTrue(
                output(brief).items().get(0).get("text").startsWith("In 2011-12 the 16 customers placed "),
                output(brief).items().get(0).get("text"));

        Record annas = tasks.run(
                anna, "customer-strategy-brief", Map.of("owner", "north", "month", "2011-12"), "zh-CN", null, "rep");
        assertEquals("1", facts(annas, null).get("customers"), "Anna sees only her own customer of the team");
        assertEquals(true, annas.get("passed"), Runs.checks(annas).toString());
        AccessDeniedException refused =
                assertThrows(AccessDeniedException.class, () -> tasks.signOff(anna, annas.id(), "adopt", null, null));
        assertEquals(
                "Only a manager or an administrator signs off the report of run '" + annas.id() + "'; 此报告只能由经理或管理员签发",
                refused.getMessage());
        assertEquals("pending", tasks.run(anna, annas.id()).get("signOff"));

        Record signed = tasks.signOff(maria, annas.id(), "adopt", null, null);

        assertEquals("adopted", signed.get("signOff"));
        assertEquals("maria", signed.get("signedBy"));
        assertTrue(signed.get("signedAt") instanceof Instant);
    }

    /** The last purchase day plus the median interval before the last three (of all, with fewer than five). */
    private LocalDate expectedNextPurchase(String customer) {
        List<Integer> intervals = raw.intervals(customer);
        if (intervals.isEmpty()) {
            return null;
        }
        List<Integer> basis =
                new ArrayList<>(intervals.size() < 5 ? intervals : intervals.subList(0, intervals.size() - 3));
        basis.sort(Integer::compareTo);
        int middle = basis.size() / 2;
        double median = basis.size() % 2 == 1 ? basis.get(middle) : (basis.get(middle - 1) + basis.get(middle)) / 2.0;
        List<LocalDate> days = raw.purchaseDayList(customer);
        return days.get(days.size() - 1).plusDays(Math.round(median));
    }

    @Test
    @Order(12)
    void selectingCustomersByCountryCategoryWindowAndValueMatchesTheRawFile() {
        TaskCard card = new TaskCard(
                "buyers-by-criteria",
                "new-customer",
                "Buyers by criteria",
                "按条件筛选的买家",
                List.of(
                        new TaskCard.Input("country", "text", false, null),
                        new TaskCard.Input("region", "region", false, null),
                        new TaskCard.Input("category", "category", false, null),
                        new TaskCard.Input("from", "date", false, null),
                        new TaskCard.Input("to", "date", false, null),
                        new TaskCard.Input("minValue", "number", false, null)),
                List.of(
                        new TaskCard.Step(
                                "select-customers",
                                Map.of(
                                        "country", "$country",
                                        "region", "$region",
                                        "category", "$category",
                                        "from", "$from",
                                        "to", "$to",
                                        "minValue", "$minValue")),
                        new TaskCard.Step("products-in-stock", Map.of("category", "$category", "asOf", "$to"))),
                "fact-sheet",
                "For each selected customer, one text with their spend in the window, and the products in stock of the"
                        + " category.",
                new TaskCard.Output(List.of("text"), 0, 0),
                List.of("item-count", "required-fields", "grounding"),
                null);
        tasks.saveCard(admin, card);
        LocalDate from = LocalDate.of(2011, 9, 1);
        LocalDate to = LocalDate.of(2011, 11, 30);
        List<String> expected = raw.select(from, to, "Germany", "222", new BigDecimal("500"));
        assertEquals(10, expected.size());

        Record run = tasks.run(
                admin,
                "buyers-by-criteria",
                Map.of(
                        "country", "Germany",
                        "category", "222",
                        "from", "2011-09-01",
                        "to", "2011-11-30",
                        "minValue", "500"),
                "en",
                null,
                "rep");

        List<String> selected = Runs.facts(run).stream()
                .filter(fact -> fact.key().equals("customer.code"))
                .map(Fact::value)
                .toList();
        assertEquals(expected, selected);
        for (String customer : expected) {
            assertEquals(
                    raw.net(customer, from, to)
                            .setScale(2, RoundingMode.HALF_UP)
                            .toPlainString(),
                    facts(run, customer).get("spend"),
                    customer);
        }
        List<Map.Entry<String, Long>> sold = raw.sold("222", to.minusDays(30), to);
        Map<String, String> stock = facts(run, null);
        assertEquals("222", stock.get("inStock.1.category"));
        assertEquals("3", stock.get("inStock.1.products"));
        for (int i = 0; i < 3; i++) {
            assertTrue(stock.get("inStock.1.product." + (i + 1))
                    .startsWith(sold.get(i).getKey() + " "));
            assertEquals(String.valueOf(sold.get(i).getValue()), stock.get("inStock.1.product." + (i + 1) + ".units"));
        }
        assertEquals(10, output(run).items().size());
        assertEquals(true, run.get("passed"), Runs.checks(run).toString());

        Record nordic =
                world.records.create(Caller.system(), SalesTypes.REGION, Map.of("code", "nordic", "name", "Nordic"));
        Record steady = account(STEADY);
        world.records.update(
                Caller.system(), SalesTypes.ACCOUNT, steady.id(), steady.version(), Map.of("regionId", nordic.id()));
        Record byRegion = tasks.run(
                admin, "buyers-by-criteria", Map.of("region", "Nordic", "to", "2011-12-09"), "en", null, "rep");
        assertEquals(account(STEADY).id(), byRegion.get("accountId"), "the one customer in the region");
        assertEquals(
                raw.net(STEADY, LocalDate.of(2010, 12, 10), LocalDate.of(2011, 12, 9))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString(),
                facts(byRegion, STEADY).get("spend"));
        assertEquals("1", facts(byRegion, null).get("selected"));
        ValidationException unknown = assertThrows(
                ValidationException.class,
                () -> tasks.run(admin, "buyers-by-criteria", Map.of("region", "Atlantis"), "en", null, "rep"));
        assertEquals("Field 'region': no region with this code, name or id (value 'Atlantis')", unknown.getMessage());
    }

    @Test
    @Order(13)
    void aHealthAlertPromptsTheOwnerAndTheTimeToTheFirstActionIsMeasuredPerPersonAndTeam() {
        Instant raisedAt = Instant.now().minus(Duration.ofHours(2));
        Record steady = account(STEADY);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(HealthEvents.ACCOUNT_ID, steady.id());
        properties.put(HealthEvents.ACCOUNT_CODE, STEADY);
        properties.put(HealthEvents.BAND, "at-risk");
        properties.put(HealthEvents.REASON_EN, "Ordering slowed down");
        properties.put(HealthEvents.REASON_ZH, "订货放缓");
        properties.put(HealthEvents.RAISED_AT, raisedAt.toEpochMilli());
        AlertPrompts listener = new AlertPrompts(() -> tasks);

        listener.handleEvent(new org.osgi.service.event.Event(HealthEvents.ALERT, properties));
        listener.handleEvent(new org.osgi.service.event.Event(HealthEvents.ALERT, properties));

        List<Record> prompts = tasks.prompts(anna, "open", 10);
        assertEquals(1, prompts.size(), "one open prompt per customer, for the seller of its orders");
        assertEquals(anna.personId(), prompts.get(0).get("ownerId"));
        assertTrue(tasks.prompts(ben, null, 10).isEmpty());

        Record run = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, null);

        assertEquals("system", run.get("trigger"));
        Record acted = tasks.prompts(anna, "acted", 10).get(0);
        assertEquals("run", acted.get("action"));
        assertEquals(run.get("startedAt"), acted.get("actedAt"));
        long minutes =
                Duration.between(raisedAt, (Instant) run.get("startedAt")).toMinutes();
        assertEquals(120, minutes);
        Record next = tasks.run(anna, "renewal-talk-tracks", Map.of("customer", STEADY), "en", null, null);
        assertEquals("rep", next.get("trigger"), "the prompt was acted on already");

        Instant now = Instant.now();
        Map<String, Object> metrics = tasks.metrics(admin, now.minus(Duration.ofDays(1)), now.plusSeconds(60));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) metrics.get("people");
        Map<String, Object> annaFigures = people.stream()
                .filter(person -> person.get("userName").equals("anna"))
                .findFirst()
                .orElseThrow();
        List<Record> annaRuns = tasks.runs(anna, null, null, 1000);
        long prompted =
                annaRuns.stream().filter(r -> "system".equals(r.get("trigger"))).count();
        assertEquals(2L, prompted, "the run after the alert and the one the earlier test started as prompted");
        assertEquals((int) prompted, annaFigures.get("promptedBySystem"));
        assertEquals(1, annaFigures.get("alertsActedOn"));
        assertEquals(120.0, annaFigures.get("medianMinutesFromAlertToFirstAction"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> teams = (List<Map<String, Object>>) metrics.get("teams");
        Map<String, Object> north = teams.stream()
                .filter(team -> "north".equals(team.get("code")))
                .findFirst()
                .orElseThrow();
        List<Record> all = tasks.runs(admin, null, null, 1000);
        long teamRuns = all.stream()
                .filter(r -> List.of("anna", "ben", "maria").contains(r.get("userName")))
                .count();
        assertEquals((int) teamRuns, north.get("runs"), "the runs of the team's reps and of its manager");
        assertEquals(1, north.get("alertsActedOn"));
        Map<String, Object> noTeam = teams.stream()
                .filter(team -> team.get("teamId") == null)
                .findFirst()
                .orElseThrow();
        long adminRuns =
                all.stream().filter(r -> "admin".equals(r.get("userName"))).count();
        assertEquals((int) adminRuns, noTeam.get("runs"), "the administrator's runs belong to no team");
    }
}
