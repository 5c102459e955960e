package org.sellcraft.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sellcraft.api.record.FieldDef.field;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * The engine's own actions: a task, an attached document, and a webhook called on a server run here on 127.0.0.1,
 * one that answers, one that fails, one that redirects and one too slow.
 */
class EngineActionsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final RecordType TICKET = new RecordType(
            "ticket",
            "tickets",
            "Ticket",
            "工单",
            List.of(
                    field("code", FieldKind.TEXT).required().build(),
                    field("partnerId", FieldKind.TEXT).build(),
                    field("score", FieldKind.INTEGER).build()),
            List.of("code"));

    @TempDir
    Path folder;

    private MapDbRecordStore store;
    private RecordServiceImpl records;
    private AutomationServiceImpl automation;
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        store = new MapDbRecordStore(folder.resolve("store"));
        List<RecordType> all = new ArrayList<>(AutomationServiceImpl.recordTypes());
        all.add(TICKET);
        CoreRecordTypes types = new CoreRecordTypes(all);
        records = new RecordServiceImpl(store, types);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        automation = new AutomationServiceImpl(records, types, clock);
        automation.addAction(new CreateTaskAction(records, clock));
        automation.addAction(new AttachDocumentAction(records, clock));
        automation.addAction(new WebhookAction());

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/fail", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url("/ok"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        store.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Record ticket(String code, int score) {
        return records.create(Caller.system(), "ticket", Map.of("code", code, "partnerId", "p-7", "score", score));
    }

    private Rule rule(String id, RuleAction... actions) {
        return automation.save(
                Caller.system(),
                Rule.draft(id, id, null, Trigger.onRecord("ticket", "CREATED", null), "score < 3", List.of(actions)));
    }

    private Evaluation fire(Record ticket) {
        return automation.onRecordEvent("ticket", ticket.id(), "CREATED").get(0);
    }

    private List<Record> all(String type) {
        List<Record> found = new ArrayList<>();
        records.forEach(Caller.system(), type, found::add);
        return found;
    }

    @Test
    void aTaskIsCreatedForTheRoleWithItsDueDateAndTheRuleItCameFrom() {
        rule(
                "low-score",
                new RuleAction(
                        "create-task",
                        Map.of(
                                "title",
                                "Call about {code}",
                                "role",
                                "manager",
                                "dueInDays",
                                "2",
                                "partner",
                                "{partnerId}")));
        Record low = ticket("T-1", 2);
        ticket("T-2", 5);
        Evaluation fired = fire(low);

        List<Record> tasks = all(ActionRecords.TASK);
        assertEquals(1, tasks.size());
        Record task = tasks.get(0);
        assertEquals("Call about T-1", task.get("title"));
        assertEquals("manager", task.get("assigneeRole"));
        assertNull(task.get("assigneeUser"));
        assertEquals("p-7", task.get("partnerId"));
        assertEquals("open", task.get("status"));
        assertEquals(NOW.plus(Duration.ofDays(2)), task.get("dueAt"));
        assertEquals("low-score", task.get("ruleId"));
        assertEquals("ticket/" + low.id(), task.get("subject"));
        assertEquals(
                "create task 'Call about T-1' for role manager, due 2026-03-04T08:00:00Z (" + task.id() + ")",
                fired.actions().get(0));
    }

    @Test
    void aTaskOrDocumentForNobodyOrForAnUnknownRoleIsRefusedAtSave() {
        IllegalArgumentException nobody = assertThrows(
                IllegalArgumentException.class, () -> rule("x", new RuleAction("create-task", Map.of("title", "t"))));
        assertEquals("create-task needs a 'user' or a 'role' to go to", nobody.getMessage());
        IllegalArgumentException role = assertThrows(
                IllegalArgumentException.class,
                () -> rule("x", new RuleAction("attach-document", Map.of("title", "t", "role", "pilot"))));
        assertTrue(role.getMessage().startsWith("attach-document needs a 'role' of ["), role.getMessage());
        IllegalArgumentException link = assertThrows(
                IllegalArgumentException.class,
                () -> rule(
                        "x",
                        new RuleAction(
                                "attach-document", Map.of("title", "t", "user", "u1", "link", "file:///etc/passwd"))));
        assertEquals(
                "attach-document needs 'link' as an http or https address; got 'file:///etc/passwd'",
                link.getMessage());
    }

    @Test
    void aLearningPackIsAttachedForThePartnerAndADryRunAttachesNothing() {
        rule(
                "pack",
                new RuleAction(
                        "attach-document",
                        Map.of(
                                "title", "Improvement pack for {code}",
                                "kind", "learning-pack",
                                "partner", "{partnerId}",
                                "link", "https://example.org/packs/service.pdf")));
        Record low = ticket("T-3", 1);

        String wouldDo = new AttachDocumentAction(records, Clock.fixed(NOW, ZoneOffset.UTC))
                .perform(
                        Map.of("title", "Pack", "kind", "learning-pack", "partner", "p-7"),
                        new EvaluationAction.Context("pack", 1, NOW, "dry run", "ticket/x", Map.of()),
                        true);
        assertEquals("attach learning-pack 'Pack' for partner p-7", wouldDo);
        assertEquals(0, all(ActionRecords.DOCUMENT).size());

        Evaluation fired = fire(low);
        assertEquals(
                "attach learning-pack 'Improvement pack for T-3' for partner p-7",
                fired.actions().get(0));
        Record document = all(ActionRecords.DOCUMENT).get(0);
        assertEquals("p-7", document.get("partnerId"));
        assertEquals("learning-pack", document.get("kind"));
        assertEquals("https://example.org/packs/service.pdf", document.get("link"));
        assertEquals(NOW, document.get("attachedAt"));
    }

    @Test
    void aWebhookReceivesTheEvaluationAsJson() {
        rule("hook", new RuleAction("call-webhook", Map.of("url", url("/ok"))));
        Record low = ticket("T-4", 2);

        Evaluation fired = fire(low);

        assertNull(fired.error());
        assertEquals(List.of("POST the evaluation to " + url("/ok") + ": 204"), fired.actions());
        assertEquals(1, received.size());
        assertEquals(
                "POST application/json {\"ruleId\":\"hook\",\"ruleVersion\":1,\"at\":\"2026-03-02T08:00:00Z\","
                        + "\"cause\":\"org/sellcraft/record/ticket/CREATED\",\"subject\":\"ticket/" + low.id()
                        + "\",\"facts\":{\"code\":\"T-4\",\"partnerId\":\"p-7\",\"score\":2,\"id\":\"" + low.id()
                        + "\"}}",
                received.get(0));
    }

    @Test
    void aFailingRedirectingOrSlowWebhookIsRecordedInTheEvaluationAndTheNextActionStillRuns() {
        rule(
                "hooks",
                new RuleAction("call-webhook", Map.of("url", url("/fail"))),
                new RuleAction("call-webhook", Map.of("url", url("/moved"))),
                new RuleAction("call-webhook", Map.of("url", url("/slow"), "timeoutSeconds", "1")),
                new RuleAction("create-task", Map.of("title", "Check {code}", "user", "u-9")));
        Record low = ticket("T-5", 1);

        long started = System.nanoTime();
        Evaluation fired = fire(low);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertTrue(seconds < 5, "took " + seconds + " s");
        assertEquals(
                List.of(
                        "call-webhook failed: " + url("/fail") + " answered 500",
                        "call-webhook failed: " + url("/moved") + " answered 302 (redirects are not followed)",
                        "call-webhook failed: no answer from " + url("/slow") + " within 1 s"),
                fired.actions().subList(0, 3));
        assertTrue(
                fired.actions().get(3).startsWith("create task 'Check T-5' for user u-9"),
                fired.actions().get(3));
        assertEquals("call-webhook failed: no answer from " + url("/slow") + " within 1 s", fired.error());
        assertEquals(0, received.size());
        assertEquals(1, all(ActionRecords.TASK).size());
    }

    @Test
    void aWebhookToAnythingButHttpOrHttpsOrWithABadTimeoutIsRefusedAtSave() {
        for (String bad : List.of("ftp://127.0.0.1/x", "file:///etc/passwd", "jar:http://x/!/", "127.0.0.1:80")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> rule("x", new RuleAction("call-webhook", Map.of("url", bad))));
            assertEquals("call-webhook needs 'url' as an http or https address; got '" + bad + "'", e.getMessage());
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> rule("x", new RuleAction("call-webhook", Map.of("url", url("/ok"), "timeoutSeconds", "90"))));
        assertEquals("call-webhook needs 'timeoutSeconds' from 1 to 30; got '90'", e.getMessage());
    }
}
