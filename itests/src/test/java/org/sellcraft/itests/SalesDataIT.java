package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as a newcomer meets it: the assembled distribution started as a process, the real CRM and retail
 * files imported through the REST API, figures checked against the raw files, then a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SalesDataIT {

    /** The Karaf console user; a name of its own, so that the audit log shows what the console did. */
    private static final String OPERATOR = "operator";

    private SellcraftProcess sellcraft;
    private ApiClient api;
    private KarafConsole console;
    private RawData.RetailFacts retail;
    /** Orders the tests created and kept, on top of the retail file's invoices. */
    private long createdOrders;

    @BeforeAll
    void startAndImport() throws Exception {
        sellcraft = SellcraftProcess.unpack("sales-data");
        console = KarafConsole.prepare(sellcraft.home(), OPERATOR, SellcraftProcess.ADMIN_PASSWORD);
        api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        retail = RawData.retail();
    }

    @AfterAll
    void stop() throws Exception {
        sellcraft.close();
    }

    @Test
    @Order(1)
    void importsTheCrmFilesWithTheirKnownCounts() throws Exception {
        // The accounts come in through the Karaf console, the rest through the API.
        long accounts = RawData.crmRows("accounts.csv").size();
        String imported = console.run("sellcraft:import --mapping maven-crm-accounts "
                + RawData.dataset("maven-crm/accounts.csv").toAbsolutePath().normalize());
        assertTrue(imported.contains("DONE accounts.csv with mapping maven-crm-accounts"), imported);
        assertTrue(
                imported.contains(
                        "Rows read " + accounts + "; inserted " + accounts + ", updated 0, unchanged 0, rejected 0"),
                imported);
        JsonNode audited = api.get("/api/v1/security/audit?actor=" + OPERATOR + "&action=records-imported")
                .json();
        assertEquals(1, audited.size(), audited.toString());
        assertEquals("account", audited.get(0).get("target").asText(), audited.toString());
        assertEquals(
                accounts + " created, 0 changed", audited.get(0).get("detail").asText(), audited.toString());

        assertImported("maven-crm/products.csv", "maven-crm-products", 7);
        // 35 reps, and the 6 managers, 6 teams and 3 regions the rows imply
        assertImported("maven-crm/sales_teams.csv", "maven-crm-teams", 35 + 6 + 6 + 3);
        assertImported("maven-crm/sales_pipeline.csv", "maven-crm-pipeline", 8800);

        assertEquals(85, total("/api/v1/accounts"));
        assertEquals(35, total("/api/v1/reps"));
        assertEquals(6, total("/api/v1/managers"));
        assertEquals(6, total("/api/v1/teams"));
        assertEquals(3, total("/api/v1/regions"));
        assertEquals(8800, total("/api/v1/opportunities"));
    }

    @Test
    @Order(2)
    void importsTheFullRetailFile() throws Exception {
        JsonNode job = api.importFile(RawData.retailFile(), "mapping=uci-online-retail");

        assertEquals("DONE", job.get("state").asText(), job.toString());
        assertEquals(retail.lines(), job.get("rowsRead").asLong());
        assertEquals(0, job.get("rejected").asLong());
        assertEquals(retail.invoices(), total("/api/v1/orders"));
    }

    @Test
    @Order(3)
    void wonValuePerSalesAgentMatchesTheRawPipeline() throws Exception {
        Map<String, BigDecimal> expected = RawData.wonValueByAgent();

        for (Map.Entry<String, BigDecimal> agent : expected.entrySet()) {
            String repId = single("/api/v1/reps?code=" + encode(agent.getKey()))
                    .get("id")
                    .asText();
            JsonNode won = api.get("/api/v1/opportunities?stage=Won&limit=1000&ownerId=" + repId)
                    .json();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode opportunity : won.get("items")) {
                sum = sum.add(opportunity.get("value").decimalValue());
            }
            assertEquals(0, agent.getValue().compareTo(sum), agent.getKey());
        }
        assertEquals(30, expected.size());
    }

    @Test
    @Order(4)
    void customersAndReturnLinesMatchTheRawRetailFile() throws Exception {
        assertEquals(85 + retail.customers(), total("/api/v1/accounts"));

        long cancellationLines = 0;
        long negativeInCancellations = 0;
        for (JsonNode order : all("/api/v1/orders?cancellation=true")) {
            for (JsonNode line : order.get("lines")) {
                cancellationLines++;
                if (line.get("quantity").asLong() < 0 && line.get("returned").asBoolean()) {
                    negativeInCancellations++;
                }
            }
        }
        assertEquals(retail.cancellationLines(), cancellationLines);
        assertEquals(retail.cancellationLines(), negativeInCancellations);
        assertTrue(retail.negativeLines() > cancellationLines, "stock write-offs are negative too");
    }

    @Test
    @Order(5)
    void aCustomersOrdersComeInDateOrder() throws Exception {
        String accountId = single("/api/v1/accounts?code=17850").get("id").asText();

        JsonNode orders = api.get("/api/v1/accounts/" + accountId + "/orders").json();

        List<String> numbers = new ArrayList<>();
        String previous = "";
        for (JsonNode order : orders.get("items")) {
            numbers.add(order.get("orderNumber").asText());
            String at = order.get("orderedAt").asText();
            assertTrue(at.compareTo(previous) >= 0, "orders in date order: " + at + " after " + previous);
            previous = at;
        }
        assertEquals(retail.invoicesByCustomer().get("17850").size(), numbers.size());
        assertEquals(Set.copyOf(retail.invoicesByCustomer().get("17850")), Set.copyOf(numbers));
    }

    @Test
    @Order(6)
    void anAccountsOpportunitiesAreListedBelowIt() throws Exception {
        String accountId = single("/api/v1/accounts?code=" + encode("Acme Corporation"))
                .get("id")
                .asText();
        long expected = Files.readAllLines(RawData.pipelineFile()).stream()
                .filter(line -> line.split(",", -1)[3].equals("Acme Corporation"))
                .count();

        assertEquals(
                expected,
                api.get("/api/v1/accounts/" + accountId + "/opportunities")
                        .json()
                        .get("total")
                        .asLong());
    }

    @Test
    @Order(7)
    void reimportingAFileCreatesNoDuplicates() throws Exception {
        JsonNode job = api.importFile(RawData.pipelineFile(), "mapping=maven-crm-pipeline");

        assertEquals(0, job.get("inserted").asLong());
        assertEquals(8800, job.get("unchanged").asLong());
        assertEquals(8800, total("/api/v1/opportunities"));
    }

    @Test
    @Order(8)
    void aNewOrderRescoresItsCustomerAndChangesTheExplanation() throws Exception {
        // 17850 stopped buying early in 2011: churned, with the days since the raw file's last purchase.
        long quietDays = ChronoUnit.DAYS.between(RawData.lastPurchaseDay("17850"), RawData.lastRetailDay());
        JsonNode before = awaitHealth("17850", score -> score.get("recencyDays").asLong() == quietDays);
        assertEquals("churned", before.get("band").asText());
        assertTrue(
                recencySentence(before).startsWith("Last purchase " + quietDays + " days ago"),
                recencySentence(before));

        ApiClient.Reply created = api.post(
                "/api/v1/orders",
                Map.of(
                        "orderNumber",
                        "LIVE-1",
                        "accountId",
                        before.get("accountId").asText(),
                        "orderedAt",
                        RawData.lastRetailDay() + "T15:00:00Z",
                        "channel",
                        "online",
                        "lines",
                        List.of(Map.of("lineNo", 1, "sku", "85123A", "quantity", 12, "unitPrice", 2.55))));
        assertEquals(201, created.status(), created.body());
        JsonNode after = awaitHealth("17850", score -> score.get("recencyDays").asLong() == 0);

        assertNotEquals("churned", after.get("band").asText());
        assertTrue(after.get("score").asInt() > before.get("score").asInt(), after.toString());
        assertTrue(recencySentence(after).startsWith("Last purchase 0 days ago"), recencySentence(after));

        JsonNode order = created.json();
        ApiClient.Reply deleted = api.delete("/api/v1/orders/" + order.get("id").asText() + "?version="
                + order.get("version").asLong());
        assertEquals(204, deleted.status(), deleted.body());
        JsonNode restored =
                awaitHealth("17850", score -> score.get("recencyDays").asLong() == quietDays);
        assertEquals(before.get("score"), restored.get("score"));
    }

    @Test
    @Order(9)
    void theConsoleStatusListsTheModulesAndTheRecordCountsOfTheRawFiles() throws Exception {
        String status = console.run("sellcraft:status");

        assertTrue(status.contains("Edition: small"), status);
        for (String module : List.of("sellcraft-core", "sellcraft-health", "sellcraft-web")) {
            assertTrue(status.matches("(?s).*\\n\\s+" + module + "\\s+\\S+\\s+started.*"), module + ": " + status);
        }
        assertFalse(status.contains("sellcraft-jersey"), status);
        assertFalse(status.contains("sellcraft-mapdb"), status);
        assertFalse(status.contains("sellcraft-ecosystem"), status);
        assertTrue(status.matches("(?s).*Uptime: \\d+h \\d\\dm \\d\\ds.*"), status);
        assertTrue(status.matches("(?s).*Store: \\S+ at .+, [\\d.,]+ MiB.*"), status);

        Map<String, Long> counts = consoleCounts(status);
        assertEquals(RawData.crmRows("accounts.csv").size() + retail.customers(), counts.get("account"), status);
        assertEquals(RawData.crmRows("sales_pipeline.csv").size(), counts.get("opportunity"), status);
        assertEquals(retail.invoices(), counts.get("order"), status);
        assertEquals(RawData.crmRows("sales_teams.csv").size(), counts.get("rep"), status);
        assertEquals(RawData.distinctCrmValues("sales_teams.csv", "manager"), counts.get("manager"), status);
        assertEquals(RawData.distinctCrmValues("sales_teams.csv", "manager"), counts.get("team"), status);
        assertEquals(RawData.distinctCrmValues("sales_teams.csv", "regional_office"), counts.get("region"), status);
    }

    /** The record counts that {@code sellcraft:status} printed, by type. */
    private static Map<String, Long> consoleCounts(String status) {
        Map<String, Long> counts = new TreeMap<>();
        boolean inRecords = false;
        for (String line : status.split("\\R")) {
            if (line.startsWith("Records:")) {
                inRecords = true;
            } else if (inRecords && line.matches("\\s+\\S+\\s+[\\d,.\\u00a0\\u202f]+\\s*")) {
                String[] parts = line.trim().split("\\s+", 2);
                counts.put(parts[0], Long.parseLong(parts[1].replaceAll("\\D", "")));
            } else if (inRecords) {
                inRecords = false;
            }
        }
        return counts;
    }

    @Test
    @Order(10)
    void theHealthConsoleCommandsShowACustomersFiguresAndRecomputeEveryCustomerWithPurchases() throws Exception {
        long quietDays = ChronoUnit.DAYS.between(RawData.lastPurchaseDay("17850"), RawData.lastRetailDay());
        JsonNode score = awaitHealth("17850", found -> found.get("recencyDays").asLong() == quietDays);

        String shown = console.run("sellcraft:health 17850", "sellcraft:health-recompute");

        assertTrue(shown.contains("17850 Customer 17850, as of " + RawData.lastRetailDay()), shown);
        assertTrue(shown.contains(score.get("summary").get("en").asText()), shown);
        assertTrue(shown.contains("Score " + score.get("score").asInt() + " ("), shown);
        assertTrue(shown.contains("Recency " + quietDays + " days, "), shown);
        assertTrue(shown.contains("Last purchase " + quietDays + " days ago"), shown);
        for (JsonNode factor : score.get("factors")) {
            assertTrue(shown.contains(factor.get("sentence").get("en").asText()), factor + ": " + shown);
        }
        long customers = RawData.customersWithPurchases();
        assertTrue(
                shown.matches("(?s).*\\n" + String.format(java.util.Locale.ENGLISH, "%,d", customers)
                        + " customers scored in [\\d.,]+ ms.*"),
                customers + " customers: " + shown);
        assertEquals(
                customers,
                api.get("/api/v1/health/customers?limit=1").json().get("total").asLong());
    }

    @Test
    @Order(11)
    void aChangedWeightRescoresACustomerWithTheNewWeight() throws Exception {
        // The healthiest customer: its factors earn points, so a changed weight moves their shares.
        String customer = api.get("/api/v1/health/customers?sort=-score&limit=1")
                .json()
                .get("items")
                .get(0)
                .get("accountId")
                .asText();
        JsonNode before = awaitHealth(customer, found -> true);
        JsonNode config = api.get("/api/v1/health/config").json();
        double recency = config.get("weights").get("recency").asDouble();
        double changed = recency * 2;

        ApiClient.Reply accepted = api.put("/api/v1/health/config", Map.of("weights", Map.of("recency", changed)));

        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(changed, accepted.json().get("weights").get("recency").asDouble(), accepted.body());
        Poll.until(
                "the new weight in the configuration",
                () -> api.get("/api/v1/health/config")
                                .json()
                                .get("weights")
                                .get("recency")
                                .asDouble()
                        == changed);
        JsonNode after = awaitHealth(
                customer, found -> factor(found, "recency").get("weight").asDouble() == changed);

        // Each factor's finding stays; its points are its weighted share: 100 * weight * finding / total weight.
        double totalWeight = 0;
        double weighted = 0;
        for (JsonNode factor : before.get("factors")) {
            if (factor.get("applicable").asBoolean()) {
                double weight = factor.get("name").asText().equals("recency")
                        ? changed
                        : factor.get("weight").asDouble();
                totalWeight += weight;
                weighted += weight * factor.get("score").asDouble();
            }
        }
        boolean pointsMoved = false;
        for (JsonNode factor : before.get("factors")) {
            if (!factor.get("applicable").asBoolean()) {
                continue;
            }
            JsonNode now = factor(after, factor.get("name").asText());
            double weight = factor.get("name").asText().equals("recency")
                    ? changed
                    : factor.get("weight").asDouble();
            assertEquals(weight, now.get("weight").asDouble(), now.toString());
            assertEquals(factor.get("score").asDouble(), now.get("score").asDouble(), 1e-9, now.toString());
            double expected = 100 * weight * factor.get("score").asDouble() / totalWeight;
            assertEquals(expected, now.get("points").asDouble(), 0.006, now.toString());
            pointsMoved |=
                    Math.abs(now.get("points").asDouble() - factor.get("points").asDouble()) >= 0.01;
        }
        assertTrue(pointsMoved, "no factor's points changed: " + before + " then " + after);
        assertEquals(
                Math.round(100 * weighted / totalWeight), after.get("score").asLong(), after.toString());

        ApiClient.Reply restored = api.put("/api/v1/health/config", Map.of("weights", Map.of("recency", recency)));
        assertEquals(202, restored.status(), restored.body());
        JsonNode back = awaitHealth(
                customer, found -> factor(found, "recency").get("weight").asDouble() == recency);
        assertEquals(before.get("score"), back.get("score"));
    }

    @Test
    @Order(12)
    void segmentsByRegionOwnerAndIndustryCountTheCustomersOfTheRawCrmFiles() throws Exception {
        // Six CRM accounts get an owner (one of two agents from different offices) and orders of their own.
        List<org.apache.commons.csv.CSVRecord> agents = RawData.crmRows("sales_teams.csv");
        org.apache.commons.csv.CSVRecord first = agents.get(0);
        org.apache.commons.csv.CSVRecord second = agents.stream()
                .filter(agent -> !agent.get("regional_office").equals(first.get("regional_office")))
                .findFirst()
                .orElseThrow();
        List<org.apache.commons.csv.CSVRecord> accounts =
                RawData.crmRows("accounts.csv").subList(0, 6);
        Map<String, Long> byOwner = new TreeMap<>();
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, Long> bySector = new TreeMap<>();
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            org.apache.commons.csv.CSVRecord agent = i % 2 == 0 ? first : second;
            JsonNode rep = single("/api/v1/reps?code=" + encode(agent.get("sales_agent")));
            JsonNode account =
                    single("/api/v1/accounts?code=" + encode(accounts.get(i).get("account")));
            ApiClient.Reply owned = api.patch(
                    "/api/v1/accounts/" + account.get("id").asText(),
                    "\"" + account.get("version").asLong() + "\"",
                    Map.of(
                            "ownerId",
                            rep.get("id").asText(),
                            "regionId",
                            rep.get("regionId").asText()));
            assertEquals(200, owned.status(), owned.body());
            for (int n = 1; n <= 2; n++) {
                ApiClient.Reply order = api.post(
                        "/api/v1/orders",
                        Map.of(
                                "orderNumber",
                                "CRM-" + i + "-" + n,
                                "accountId",
                                account.get("id").asText(),
                                "orderedAt",
                                String.format("2011-%02d-%02dT10:00:00Z", 8 + n, 10 + i),
                                "channel",
                                "direct",
                                "lines",
                                List.of(Map.of(
                                        "lineNo", 1, "sku", "85123A", "quantity", 10 * n + i, "unitPrice", 2.55))));
                assertEquals(201, order.status(), order.body());
                createdOrders++;
            }
            accountIds.add(account.get("id").asText());
            byOwner.merge(agent.get("sales_agent"), 1L, Long::sum);
            byRegion.merge(agent.get("regional_office"), 1L, Long::sum);
            bySector.merge(accounts.get(i).get("sector"), 1L, Long::sum);
        }

        Poll.until("the owners in the health segments", () -> byOwner.equals(segmentCounts("owner")));
        assertEquals(byRegion, segmentCounts("region"));
        assertEquals(bySector, segmentCounts("segment"));

        double sum = 0;
        Map<String, Double> meanByOwner = new TreeMap<>();
        for (String id : accountIds) {
            JsonNode score = api.get("/api/v1/health/customers/" + id).json();
            sum += score.get("score").asDouble();
            meanByOwner.merge(
                    score.get("dimensions").get("owner").asText(),
                    score.get("score").asDouble(),
                    Double::sum);
        }
        for (JsonNode segment :
                api.get("/api/v1/health/segments?by=owner").json().get("segments")) {
            String owner = segment.get("value").asText();
            if (byOwner.containsKey(owner)) {
                assertEquals(
                        meanByOwner.get(owner) / byOwner.get(owner),
                        segment.get("meanScore").asDouble(),
                        0.006);
            }
        }
        assertTrue(sum > 0, "the new customers have scores");
        assertEquals(400, api.get("/api/v1/health/segments?by=colour").status());

        // The engine writes the new customers' snapshots in the background; the restart below compares counts.
        long scored =
                api.get("/api/v1/health/customers?limit=1").json().get("total").asLong();
        Poll.until(
                "a health snapshot for every scored customer",
                () -> api.get("/api/v1/status")
                                .json()
                                .get("records")
                                .path("health-snapshot")
                                .asLong()
                        == scored);
    }

    /** Customers per value of a health segment, leaving out the customers without one. */
    private Map<String, Long> segmentCounts(String dimension) throws Exception {
        ApiClient.Reply reply = api.get("/api/v1/health/segments?by=" + dimension);
        assertEquals(200, reply.status(), reply.body());
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode segment : reply.json().get("segments")) {
            if (!segment.get("value").asText().equals("(none)")) {
                counts.put(
                        segment.get("value").asText(), segment.get("customers").asLong());
            }
        }
        return counts;
    }

    private static JsonNode factor(JsonNode score, String name) {
        for (JsonNode factor : score.get("factors")) {
            if (factor.get("name").asText().equals(name)) {
                return factor;
            }
        }
        return fail("No factor " + name + " in " + score);
    }

    /** Polls a customer's health until it meets the condition: the engine folds changes in on its own thread. */
    private JsonNode awaitHealth(String customer, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        ApiClient.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = api.get("/api/v1/health/customers/" + customer);
            if (reply.status() == 200 && condition.test(reply.json())) {
                return reply.json();
            }
            Thread.sleep(100);
        }
        return fail("The health of " + customer + " did not reach the expected state: " + reply.body());
    }

    private static String recencySentence(JsonNode score) {
        for (JsonNode factor : score.get("factors")) {
            if (factor.get("name").asText().equals("recency")) {
                return factor.get("sentence").get("en").asText();
            }
        }
        return fail("No recency factor in " + score);
    }

    @Test
    @Order(100)
    void everyRecordIsStillThereAfterARestart() throws Exception {
        ObjectNode before = (ObjectNode) api.get("/api/v1/status").json().get("records");
        JsonNode sampleBefore = single("/api/v1/orders?orderNumber=536365");

        sellcraft.stop();
        api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);

        // The audit log only grows: the sign-ins and requests around the restart add to it.
        ObjectNode after = (ObjectNode) api.get("/api/v1/status").json().get("records");
        long auditBefore = before.remove("security-audit").asLong();
        assertTrue(after.remove("security-audit").asLong() >= auditBefore);
        assertEquals(before, after);
        assertEquals(sampleBefore, single("/api/v1/orders?orderNumber=536365"));
        assertEquals(retail.invoices() + createdOrders, total("/api/v1/orders"));
    }

    private void assertImported(String file, String mapping, long inserted) throws Exception {
        JsonNode job = api.importFile(RawData.dataset(file), "mapping=" + mapping);
        assertEquals("DONE", job.get("state").asText(), job.toString());
        assertEquals(inserted, job.get("inserted").asLong(), job.toString());
        assertEquals(0, job.get("rejected").asLong(), job.toString());
    }

    private long total(String path) throws Exception {
        ApiClient.Reply reply = api.get(path + (path.contains("?") ? "&" : "?") + "limit=1");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("total").asLong();
    }

    private JsonNode single(String path) throws Exception {
        JsonNode page = api.get(path).json();
        assertEquals(1, page.get("total").asLong(), path);
        return page.get("items").get(0);
    }

    private List<JsonNode> all(String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = api.get(path + "&limit=1000&offset=" + offset).json();
            page.get("items").forEach(items::add);
            if (items.size() >= page.get("total").asLong()) {
                return items;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
