package org.sellcraft.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sellcraft.api.record.FieldDef.field;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.RuleSyntaxException;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

class AutomationServiceImplTest {

    private static final RecordType SHIPMENT = new RecordType(
            "shipment",
            "shipments",
            "Shipment",
            "发货",
            List.of(
                    field("code", FieldKind.TEXT).required().build(),
                    field("partnerId", FieldKind.TEXT).build(),
                    field("promisedAt", FieldKind.DATETIME).build(),
                    field("deliveredAt", FieldKind.DATETIME).build()),
            List.of("code"));

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private AutomationServiceImpl automation;
    private final List<String> acted = new ArrayList<>();

    @BeforeEach
    void start() {
        store = new MapDbRecordStore(folder.resolve("store"));
        CoreRecordTypes types = new CoreRecordTypes(
                List.of(SHIPMENT, RuleRecords.RULE_TYPE, RuleRecords.EVALUATION_TYPE, RuleRecords.RUN_TYPE));
        records = new RecordServiceImpl(store, types);
        automation = new AutomationServiceImpl(records, types, Clock.systemUTC());
        automation.addAction(new ActionHandler() {
            @Override
            public String type() {
                return "remember";
            }

            @Override
            public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
                if (!dryRun) {
                    acted.add(parameters.get("what"));
                }
                return "remember " + parameters.get("what");
            }
        });
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private Record shipment(String code, String partner, String promised, String delivered) {
        return records.create(
                Caller.system(),
                "shipment",
                Map.of(
                        "code",
                        code,
                        "partnerId",
                        partner,
                        "promisedAt",
                        Instant.parse(promised),
                        "deliveredAt",
                        Instant.parse(delivered)));
    }

    private static Rule late(String id, String condition) {
        return Rule.draft(
                id,
                "Late shipment",
                "A shipment delivered late",
                Trigger.onRecord("shipment", "CREATED", "deliveredAt"),
                condition,
                List.of(new RuleAction("remember", Map.of("what", "late {code}"))));
    }

    @Test
    void aConditionThatDoesNotParseIsRefusedWithItsPositionAndNothingIsSaved() {
        RuleSyntaxException e = assertThrows(
                RuleSyntaxException.class, () -> automation.save(Caller.system(), late("bad", "partnerId == ")));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("The condition does not parse at line 1, column "), e.getMessage());
        assertTrue(automation.rules().isEmpty());
        assertEquals(0, records.count(Caller.system(), RuleRecords.RULE));
    }

    @Test
    void theSandboxRefusesClassAccessMethodCallsLoopsAndAssignments() {
        for (String escape : List.of(
                "''.getClass().forName('java.lang.Runtime') != null",
                "new('java.io.File', '/etc/passwd') != null",
                "while (true) { 1 }",
                "x = 1",
                "var f = 1; f == 1",
                "(x -> x)(1) == 1")) {
            RuleSyntaxException e = assertThrows(
                    RuleSyntaxException.class, () -> automation.save(Caller.system(), late("escape", escape)), escape);
            assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        }
    }

    @Test
    void aRuleActsOnTheEventItHearsAndKeepsItsInputsResultAndActions() {
        automation.save(Caller.system(), late("late", "time:hours(promisedAt, deliveredAt) > 48"));
        Record onTime = shipment("S1", "p1", "2018-01-10T00:00:00Z", "2018-01-12T00:00:00Z");
        Record late = shipment("S2", "p1", "2018-01-10T00:00:00Z", "2018-01-12T00:00:01Z");

        Evaluation kept =
                automation.onRecordEvent("shipment", onTime.id(), "CREATED").get(0);
        Evaluation fired =
                automation.onRecordEvent("shipment", late.id(), "CREATED").get(0);

        assertFalse(kept.matched());
        assertTrue(fired.matched());
        assertEquals(List.of("remember late S2"), fired.actions());
        assertEquals("S2", fired.facts().get("code"));
        assertEquals("shipment/" + late.id(), fired.subject());
        assertEquals(List.of("late S2"), acted);
        assertEquals(2, automation.evaluations("late", 10).size());
        assertEquals(1, records.count(Caller.system(), RuleRecords.EVALUATION));
    }

    @Test
    void aRuleThatFailsAtRunTimeIsIsolatedAndTheOthersStillAct() {
        automation.save(Caller.system(), late("broken", "time:hours(promisedAt, code) > 48"));
        automation.save(Caller.system(), late("sound", "time:days(promisedAt, deliveredAt) > 2"));
        Record late = shipment("S3", "p1", "2018-01-10T00:00:00Z", "2018-01-15T00:00:00Z");

        List<Evaluation> done = automation.onRecordEvent("shipment", late.id(), "CREATED");

        Evaluation broken = done.stream()
                .filter(e -> e.ruleId().equals("broken"))
                .findFirst()
                .orElseThrow();
        assertFalse(broken.matched());
        assertTrue(broken.error().contains("'S3' is not a date or time"), broken.error());
        assertEquals(List.of("late S3"), acted);
    }

    @Test
    void everySaveIsANewVersionAndOnlyTheCurrentOneRuns() {
        automation.save(Caller.system(), late("late", "time:hours(promisedAt, deliveredAt) > 48"));
        Rule second = automation.save(Caller.system(), late("late", "time:hours(promisedAt, deliveredAt) > 100"));
        Record late = shipment("S4", "p1", "2018-01-10T00:00:00Z", "2018-01-13T00:00:00Z");

        Evaluation evaluation =
                automation.onRecordEvent("shipment", late.id(), "CREATED").get(0);

        assertEquals(2, second.version());
        assertEquals(
                List.of(1, 2),
                automation.versions("late").stream().map(Rule::version).toList());
        assertEquals(2, evaluation.ruleVersion());
        assertFalse(evaluation.matched());

        AutomationServiceImpl restarted = new AutomationServiceImpl(
                records, new CoreRecordTypes(List.of(SHIPMENT, RuleRecords.RULE_TYPE)), Clock.systemUTC());
        restarted.load();
        assertEquals(2, restarted.rule("late").orElseThrow().version());
        assertEquals(
                "time:hours(promisedAt, deliveredAt) > 100",
                restarted.rule("late").orElseThrow().condition());
    }

    @Test
    void aRuleAboutOnePartnerIsNotEvaluatedForAnother() {
        automation.save(
                Caller.system(),
                Rule.draft(
                        "p2-late",
                        "Late for p2",
                        null,
                        Trigger.onRecord("shipment", "CREATED", "deliveredAt").about("partnerId", "p2"),
                        "true",
                        List.of(new RuleAction("remember", Map.of("what", "{partnerId}")))));
        Record forP1 = shipment("S5", "p1", "2018-01-10T00:00:00Z", "2018-01-13T00:00:00Z");
        Record forP2 = shipment("S6", "p2", "2018-01-10T00:00:00Z", "2018-01-13T00:00:00Z");

        assertTrue(automation.onRecordEvent("shipment", forP1.id(), "CREATED").isEmpty());
        assertEquals(
                1, automation.onRecordEvent("shipment", forP2.id(), "CREATED").size());
        assertEquals(List.of("p2"), acted);
    }

    @Test
    void aDryRunReportsWhatWouldHappenInItsWindowAndChangesNothing() {
        shipment("S7", "p1", "2018-01-10T00:00:00Z", "2018-01-20T00:00:00Z");
        shipment("S8", "p1", "2018-02-10T00:00:00Z", "2018-02-20T00:00:00Z");
        shipment("S9", "p1", "2018-01-10T00:00:00Z", "2018-01-11T00:00:00Z");
        Rule draft = late("draft", "time:hours(promisedAt, deliveredAt) > 48");

        List<Evaluation> found =
                automation.dryRun(Caller.system(), draft, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 2, 1));

        assertEquals(1, found.size());
        assertEquals("S7", found.get(0).facts().get("code"));
        assertEquals(List.of("remember late S7"), found.get(0).actions());
        assertTrue(found.get(0).dryRun());
        assertTrue(acted.isEmpty());
        assertTrue(automation.rules().isEmpty());
        assertEquals(0, records.count(Caller.system(), RuleRecords.EVALUATION));
    }

    @Test
    void onlyAdministratorsSaveRulesAndUnknownActionsAreRefused() {
        Caller rep = new Caller("u1", "anna", Set.of(Roles.REP));
        AccessDeniedException denied =
                assertThrows(AccessDeniedException.class, () -> automation.save(rep, late("late", "true")));
        assertEquals("Only administrators may change rules", denied.getMessage());

        Rule unknown = Rule.draft(
                "x",
                "x",
                null,
                Trigger.onRecord("shipment", "CREATED", null),
                "true",
                List.of(new RuleAction("launch-rocket", Map.of())));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> automation.save(Caller.system(), unknown));
        assertEquals("Unknown action type 'launch-rocket'; known: [remember]", e.getMessage());
        assertNull(automation.rule("x").orElse(null));
    }
}
