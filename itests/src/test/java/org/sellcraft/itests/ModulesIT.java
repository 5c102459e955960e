package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Modules in the running distribution: the module list and its refusals, the health module uninstalled, installed
 * and updated several times while a steady stream of requests goes to the core, and the example add-on dropped
 * into {@code deploy/}, used through the API, removed, and installed again as a feature with its data intact; and a
 * distribution configured for the midsize edition boots with its modules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModulesIT {

    private static final String HEALTH = "sellcraft-health";
    private static final String ADD_ON = "sellcraft-example-complaints";
    private static final String SNAPSHOTS = "health-snapshot";
    /** What the midsize edition holds: the small edition's modules, the pipeline factor and the ecosystem. */
    private static final List<String> MIDSIZE = List.of(
            "sellcraft-core",
            "sellcraft-health",
            "sellcraft-web",
            "sellcraft-health-pipeline",
            "sellcraft-automation",
            "sellcraft-ecosystem");
    /** The first four months of the retail file: customers with a purchase history, imported in seconds. */
    private static final int RETAIL_LINES = 150_000;

    private static final String CUSTOMER = "17850";
    private static final int SWAPS = 3;
    private static final int LOAD_THREADS = 2;

    private SellcraftProcess sellcraft;
    private ApiClient admin;
    private KarafConsole console;

    @BeforeAll
    void start() throws Exception {
        sellcraft = SellcraftProcess.unpack("modules");
        console = KarafConsole.prepare(sellcraft.home(), SellcraftProcess.ADMIN_PASSWORD);
        admin = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        Path slice = retailSlice(sellcraft.home().resolve("online_retail_start.csv"));
        JsonNode job = admin.importFile(slice, "mapping=uci-online-retail");
        assertEquals("DONE", job.get("state").asText(), job.toString());
        Poll.until(
                "the first health scores",
                () -> admin.get("/api/v1/health/customers/" + CUSTOMER).status() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (sellcraft != null) {
            sellcraft.close();
        }
    }

    @Test
    @Order(1)
    void theModuleListShowsWhatDependsOnWhatAndRefusesWhatWouldBreakIt() throws Exception {
        JsonNode health = admin.get("/api/v1/modules/" + HEALTH).json();
        assertEquals("started", health.get("state").asText(), health.toString());
        assertTrue(health.get("requires").toString().contains("sellcraft-core"), health.toString());
        assertEquals(
                "uninstalled",
                admin.get("/api/v1/modules/" + ADD_ON).json().get("state").asText());

        ApiClient.Reply core = admin.post("/api/v1/modules/sellcraft-core/uninstall", Map.of());
        assertEquals(409, core.status(), core.body());
        assertTrue(core.json().get("detail").asText().contains(HEALTH), core.body());
        assertTrue(core.json().get("dependants").toString().contains("sellcraft-web"), core.body());

        ApiClient.Reply unknown = admin.post("/api/v1/modules/sellcraft-nothing/install", Map.of());
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("application/problem+json", unknown.contentType());

        String listed = console.run("sellcraft:modules", "sellcraft:module-uninstall sellcraft-core");
        assertTrue(listed.contains("Edition: small"), listed);
        assertTrue(listed.matches("(?s).*sellcraft-health\\s+\\S+\\s+started.*"), listed);
        assertTrue(listed.contains("Module 'sellcraft-core' cannot be uninstalled: "), listed);

        ApiClient rep = new ApiClient(sellcraft.baseUrl());
        admin.post(
                "/api/v1/users", Map.of("userName", "rita", "password", "a-long-password-9", "roles", List.of("rep")));
        rep.login("rita", "a-long-password-9");
        assertEquals(
                403,
                rep.post("/api/v1/modules/" + HEALTH + "/uninstall", Map.of()).status());
    }

    @Test
    @Order(2)
    void theHealthModuleSwapsUnderLoadWithoutFailingOneCoreRequestOrLosingARecord() throws Exception {
        String scoreBefore = scoreOf(CUSTOMER);
        // The engine writes one snapshot per scored customer once the scores settle after the import.
        long scored = admin.get("/api/v1/health/customers?limit=1")
                .json()
                .get("total")
                .asLong();
        Poll.until(
                "a health snapshot for every scored customer",
                () -> recordCounts().getOrDefault(SNAPSHOTS, 0L) == scored);
        Map<String, Long> countsBefore = recordCounts();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong sent = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < LOAD_THREADS; i++) {
            ApiClient client = new ApiClient(sellcraft.baseUrl()).login("admin", SellcraftProcess.ADMIN_PASSWORD);
            Thread thread = new Thread(() -> sendCoreRequests(client, running, sent, failures), "core-load-" + i);
            thread.start();
            load.add(thread);
        }

        List<String> swaps = new ArrayList<>();
        try {
            for (int round = 1; round <= SWAPS; round++) {
                swaps.add(swap("uninstall"));
                // The API drops a module's resources a moment after its bundles have gone.
                Poll.until(
                        "the health API to go " + round,
                        () -> admin.get("/api/v1/health/customers/" + CUSTOMER).status() == 404);
                ApiClient.Reply away = admin.get("/api/v1/health/customers/" + CUSTOMER);
                assertEquals("application/problem+json", away.contentType());
                assertEquals(
                        "Unknown record type 'health': no installed module defines it",
                        away.json().get("detail").asText());

                swaps.add(swap("install"));
                Poll.until("the health scores after install " + round, () -> scoreBefore.equals(scoreOf(CUSTOMER)));

                swaps.add(swap("update"));
                Poll.until("the health scores after update " + round, () -> scoreBefore.equals(scoreOf(CUSTOMER)));
            }
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        }

        System.out.printf(
                "Hot swap of %s: %d core requests sent, %d failed; swaps (ms): %s%n",
                HEALTH, sent.get(), failures.size(), String.join(", ", swaps));
        assertTrue(sent.get() > 100, "only " + sent.get() + " requests were sent");
        assertEquals(List.of(), List.copyOf(failures));

        // No record of the core or of the health module went missing or came twice.
        Map<String, Long> countsAfter = recordCounts();
        System.out.println("Records before and after the swaps: " + countsBefore + ", " + countsAfter);
        assertEquals(countsBefore, countsAfter);
        assertTrue(countsAfter.get("order") > 0 && countsAfter.get("account") > 0, countsAfter.toString());
        assertEquals(
                scored,
                admin.get("/api/v1/health/customers?limit=1")
                        .json()
                        .get("total")
                        .asLong());
    }

    /** Stored records per type, from the status resource; the audit log grows with every request and is left out. */
    private Map<String, Long> recordCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        admin.get("/api/v1/status")
                .json()
                .get("records")
                .fields()
                .forEachRemaining(
                        entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        counts.remove("security-audit");
        return counts;
    }

    @Test
    @Order(3)
    void theAddOnDroppedIntoDeployWorksThroughTheApiAndKeepsItsDataWhenItGoes() throws Exception {
        Path deployed = sellcraft.home().resolve("deploy/sellcraft-example-complaints.jar");
        Files.copy(addOnJar(), deployed);
        Poll.until(
                "the complaint board",
                () -> admin.get("/api/v1/complaint-board").status() == 200);
        assertTrue(admin.get("/api/v1/openapi.json").body().contains("/api/v1/complaint-board"));

        String accountId = admin.get("/api/v1/accounts?code=" + CUSTOMER)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        ApiClient.Reply created = admin.post(
                "/api/v1/complaints",
                Map.of(
                        "reference", "CMP-1001",
                        "accountId", accountId,
                        "openedOn", "2011-02-14",
                        "severity", "high",
                        "status", "open",
                        "subject", "Damaged parcel"));
        assertEquals(201, created.status(), created.body());
        ApiClient.Reply invalid = admin.post(
                "/api/v1/complaints",
                Map.of(
                        "reference",
                        "CMP-1002",
                        "accountId",
                        accountId,
                        "openedOn",
                        "2011-02-15",
                        "severity",
                        "urgent",
                        "status",
                        "open"));
        assertEquals(422, invalid.status(), invalid.body());
        assertEquals("severity", invalid.json().get("field").asText(), invalid.body());

        Poll.until("the complaints factor", () -> admin.get("/api/v1/health/customers/" + CUSTOMER)
                .body()
                .contains("1 open complaints (1 high), the oldest CMP-1001"));
        JsonNode board = admin.get("/api/v1/complaint-board").json();
        assertEquals(1, board.size(), board.toString());
        assertEquals(accountId, board.get(0).get("accountId").asText());
        assertEquals(1, board.get(0).get("high").asInt());
        assertTrue(admin.get("/api/v1/web/menu").body().contains("\"complaints\""));

        Files.delete(deployed);
        Poll.until("the board to go", () -> admin.get("/api/v1/complaint-board").status() == 404);
        ApiClient.Reply gone = admin.get("/api/v1/complaints");
        assertEquals(404, gone.status());
        assertTrue(gone.json().get("detail").asText().contains("no installed module defines it"), gone.body());
        assertFalse(admin.get("/api/v1/web/menu").body().contains("\"complaints\""));
        assertEquals(200, admin.get("/api/v1/accounts?limit=1").status());

        ApiClient.Reply installed = admin.post("/api/v1/modules/" + ADD_ON + "/install", Map.of());
        assertEquals(200, installed.status(), installed.body());
        Poll.until(
                "the board from the feature",
                () -> admin.get("/api/v1/complaint-board").status() == 200);
        assertEquals(
                "CMP-1001",
                admin.get("/api/v1/complaints?reference=CMP-1001")
                        .json()
                        .get("items")
                        .get(0)
                        .get("reference")
                        .asText());
        ApiClient.Reply uninstalled = admin.post("/api/v1/modules/" + ADD_ON + "/uninstall", Map.of());
        assertEquals(200, uninstalled.status(), uninstalled.body());
        assertEquals(404, admin.get("/api/v1/complaint-board").status());
    }

    @Test
    @Order(4)
    void movingToTheEnterpriseEditionAndBackBringsTheAiTasksAndTakesThemAway() throws Exception {
        ApiClient.Reply up = admin.put("/api/v1/modules/edition", Map.of("edition", "enterprise"));
        assertEquals(200, up.status(), up.body());
        assertTrue(up.json().get("installed").toString().contains("sellcraft-ai"), up.body());
        assertTrue(up.json().get("installed").toString().contains("sellcraft-ecosystem"), up.body());
        assertEquals(
                "enterprise",
                admin.get("/api/v1/modules/edition").json().get("edition").asText());

        Poll.until("the AI tasks", () -> admin.get("/api/v1/ai/cards").status() == 200);
        ApiClient.Reply run = admin.post(
                "/api/v1/ai/runs", Map.of("card", "renewal-talk-tracks", "inputs", Map.of("customer", CUSTOMER)));
        assertEquals(201, run.status(), run.body());
        assertTrue(run.json().get("passed").asBoolean(), run.body());
        assertEquals(3, run.json().get("output").get("items").size(), run.body());

        ApiClient.Reply down = admin.put("/api/v1/modules/edition", Map.of("edition", "small"));
        assertEquals(200, down.status(), down.body());
        assertTrue(down.json().get("uninstalled").toString().contains("sellcraft-ai"), down.body());
        assertEquals(404, admin.get("/api/v1/ai/cards").status());
        assertEquals(200, admin.get("/api/v1/health/customers/" + CUSTOMER).status());
        ApiClient.Reply unknown = admin.put("/api/v1/modules/edition", Map.of("edition", "huge"));
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.json().get("detail").asText().contains("small, midsize, enterprise"), unknown.body());
    }

    @Test
    @Order(5)
    void aDistributionConfiguredForTheMidsizeEditionBootsWithItsModules() throws Exception {
        // The shared distribution has done its part; one running platform at a time on a two-core machine.
        sellcraft.stop();

        try (SellcraftProcess midsize = SellcraftProcess.unpack("modules-midsize")) {
            Path cfg = midsize.home().resolve("etc/org.sellcraft.modules.cfg");
            String config = Files.readString(cfg);
            assertTrue(config.contains("\nedition = small\n"), config);
            Files.writeString(cfg, config.replace("\nedition = small\n", "\nedition = midsize\n"));

            ApiClient api = midsize.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);

            Poll.until("the midsize modules started", () -> {
                JsonNode modules = api.get("/api/v1/modules").json();
                return MIDSIZE.stream().allMatch(name -> "started".equals(stateOf(modules, name)));
            });
            JsonNode modules = api.get("/api/v1/modules").json();
            assertEquals("midsize", modules.get("edition").asText(), modules.toString());
            assertEquals("uninstalled", stateOf(modules, "sellcraft-ai"), modules.toString());
            assertEquals("uninstalled", stateOf(modules, "sellcraft-enterprise"), modules.toString());
            // A started bundle's REST resources join the API a moment later, when the container is rebuilt.
            Poll.until(
                    "the midsize modules' resources answering",
                    () -> api.get("/api/v1/automation/rules").status() == 200
                            && api.get("/api/v1/ecosystem/dashboard/projects").status() == 200);
            assertEquals(404, api.get("/api/v1/ai/cards").status());
        }
    }

    private static String stateOf(JsonNode modules, String name) {
        for (JsonNode module : modules.get("items")) {
            if (module.get("name").asText().equals(name)) {
                return module.get("state").asText();
            }
        }
        return "absent";
    }

    /** Runs one module operation over REST and returns how long it took, as the server measured it. */
    private String swap(String operation) throws Exception {
        ApiClient.Reply reply = admin.post("/api/v1/modules/" + HEALTH + "/" + operation, Map.of());
        assertEquals(200, reply.status(), operation + ": " + reply.body());
        return operation + " " + reply.json().get("tookMs").asLong();
    }

    private String scoreOf(String customer) throws Exception {
        ApiClient.Reply reply = admin.get("/api/v1/health/customers/" + customer);
        return reply.status() == 200 ? reply.json().get("score").asText() : "absent (" + reply.status() + ")";
    }

    /** Reads core collections until told to stop; every answer but a 200 is a failure. */
    private static void sendCoreRequests(
            ApiClient client, AtomicBoolean running, AtomicLong sent, ConcurrentLinkedQueue<String> failures) {
        List<String> paths = List.of(
                "/api/v1/accounts?limit=20&sort=-code",
                "/api/v1/orders?limit=20",
                "/api/v1/products?limit=10",
                "/api/v1/status");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        int next = 0;
        while (running.get() && Instant.now().isBefore(deadline)) {
            String path = paths.get(next++ % paths.size());
            sent.incrementAndGet();
            try {
                ApiClient.Reply reply = client.get(path);
                if (reply.status() != 200) {
                    failures.add(path + " answered " + reply.status() + ": " + reply.body());
                }
            } catch (Exception e) {
                failures.add(path + " failed: " + e);
            }
        }
    }

    private static Path addOnJar() throws Exception {
        Path folder = Paths.get(System.getProperty("sellcraft.addon.folder", "../examples/complaints/target"));
        try (var jars = Files.list(folder)) {
            return jars.filter(jar -> jar.getFileName().toString().matches("sellcraft-example-complaints-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The add-on's jar is not built in " + folder));
        }
    }

    /** The retail file's header and first lines, as a plain CSV file of its own. */
    private static Path retailSlice(Path target) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(RawData.retailFile())), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i <= RETAIL_LINES && (line = in.readLine()) != null; i++) {
                out.write(line);
                out.newLine();
            }
        }
        return target;
    }
}
