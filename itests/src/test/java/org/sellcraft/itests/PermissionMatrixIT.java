package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every core endpoint with every kind of user, on the real CRM data: the exact status, which records are counted
 * and which fields come back. Expected counts come from the raw CSV files, not from Sellcraft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermissionMatrixIT {

    private static final String AGENT = "Anna Snelling";
    private static final String PASSWORD = "matrix-password-1";

    private SellcraftProcess sellcraft;
    private ApiClient admin;
    private final Map<String, ApiClient> users = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private String productId;
    private String contactId;
    private String annaId;
    private String managerName;

    @BeforeAll
    void startWithUsersOfEveryRole() throws Exception {
        sellcraft = SellcraftProcess.unpack("permissions");
        admin = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        secrets.add(SellcraftProcess.ADMIN_PASSWORD);
        secrets.add(PASSWORD);
        for (String[] file : new String[][] {
            {"accounts.csv", "maven-crm-accounts"}, {"products.csv", "maven-crm-products"},
            {"sales_teams.csv", "maven-crm-teams"}, {"sales_pipeline.csv", "maven-crm-pipeline"}
        }) {
            admin.importFile(RawData.dataset("maven-crm/" + file[0]), "mapping=" + file[1]);
        }

        JsonNode anna = first("/api/v1/reps?code=" + encode(AGENT));
        annaId = anna.get("id").asText();
        String managerId = anna.get("managerId").asText();
        managerName =
                admin.get("/api/v1/managers/" + managerId).json().get("name").asText();

        JsonNode product = first("/api/v1/products?sku=" + encode("GTX Basic"));
        productId = product.get("id").asText();
        assertEquals(
                200,
                admin.patch(
                                "/api/v1/products/" + productId,
                                "\"" + product.get("version").asLong() + "\"",
                                Map.of("costPrice", 410))
                        .status());
        contactId = admin.post(
                        "/api/v1/contacts",
                        Map.of(
                                "code",
                                "C-1",
                                "name",
                                "Zhang Wei",
                                "email",
                                "zhang.wei@example.cn",
                                "phone",
                                "+86 138 1234 5678",
                                "ownerId",
                                annaId))
                .json()
                .get("id")
                .asText();

        createUser("manager1", "manager", Map.of("personId", managerId));
        createUser("rep1", "rep", Map.of("personId", annaId));
        createUser("analyst1", "analyst", Map.of());
        createUser("dealer1", "dealer", Map.of("partnerId", "P1"));
        users.put("admin", admin);
        for (String name : List.of("manager1", "rep1", "analyst1", "dealer1")) {
            ApiClient client = new ApiClient(sellcraft.baseUrl()).login(name, PASSWORD);
            users.put(name, client);
            secrets.add(client.token());
        }
        secrets.add(admin.token());
    }

    @AfterAll
    void stop() throws Exception {
        sellcraft.close();
    }

    private void createUser(String name, String role, Map<String, ?> links) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(links);
        body.put("userName", name);
        body.put("password", PASSWORD);
        body.put("roles", List.of(role));
        ApiClient.Reply created = admin.post("/api/v1/users", body);
        assertEquals(201, created.status(), created.body());
    }

    @Test
    @Order(1)
    void listsCountOnlyWhatEachRoleMaySee() throws Exception {
        List<String[]> pipeline = pipeline();
        Set<String> team = team();
        long annaDeals = pipeline.stream().filter(row -> row[1].equals(AGENT)).count();
        long teamDeals = pipeline.stream().filter(row -> team.contains(row[1])).count();
        long annaAccounts = accountsSoldBy(Set.of(AGENT)).size();
        long teamAccounts = accountsSoldBy(team).size();

        assertTotals("/api/v1/opportunities", 8800, teamDeals, annaDeals, 8800, 0);
        assertTotals("/api/v1/accounts", 85, teamAccounts, annaAccounts, 85, 0);
        assertTotals("/api/v1/reps", 35, 35, 35, 35, 0);
        assertTrue(teamDeals > annaDeals && annaDeals > 0);
    }

    @Test
    @Order(2)
    void healthScoresTheirCountsAndTotalsStayWithinEachRolesScope() throws Exception {
        JsonNode accounts = admin.get("/api/v1/accounts?limit=100").json().get("items");
        Map<String, String> idsByName = new LinkedHashMap<>();
        for (JsonNode account : accounts) {
            idsByName.put(account.get("name").asText(), account.get("id").asText());
            ApiClient.Reply order = admin.post(
                    "/api/v1/orders",
                    Map.of(
                            "orderNumber",
                            "H-" + idsByName.size(),
                            "accountId",
                            account.get("id").asText(),
                            "orderedAt",
                            "2017-12-01T10:00:00Z",
                            "channel",
                            "direct",
                            "lines",
                            List.of(Map.of("lineNo", 1, "sku", "GTX Basic", "quantity", 2, "unitPrice", 550))));
            assertEquals(201, order.status(), order.body());
        }
        Poll.until(
                "every CRM account scored on its order",
                () -> admin.get("/api/v1/health/customers?limit=1")
                                .json()
                                .path("total")
                                .asLong()
                        == 85);

        Set<String> annaAccounts = accountsSoldBy(Set.of(AGENT));
        Set<String> teamAccounts = accountsSoldBy(team());
        for (String path : List.of("/api/v1/health/customers", "/api/v1/health/summary")) {
            String count = path.endsWith("summary") ? "customers" : "total";
            assertEquals(85, admin.get(path).json().get(count).asLong(), path);
            assertEquals(85, users.get("analyst1").get(path).json().get(count).asLong(), path);
            assertEquals(
                    teamAccounts.size(),
                    users.get("manager1").get(path).json().get(count).asLong(),
                    path);
            assertEquals(
                    annaAccounts.size(),
                    users.get("rep1").get(path).json().get(count).asLong(),
                    path);
            assertEquals(403, users.get("dealer1").get(path).status(), path);
        }
        JsonNode repSegments = users.get("rep1")
                .get("/api/v1/health/segments?by=channel")
                .json()
                .get("segments");
        assertEquals(1, repSegments.size(), repSegments.toString());
        assertEquals(annaAccounts.size(), repSegments.get(0).get("customers").asInt());

        String annas = idsByName.get(annaAccounts.iterator().next());
        String notAnnas = idsByName.entrySet().stream()
                .filter(entry -> !annaAccounts.contains(entry.getKey()))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertEquals(
                200, users.get("rep1").get("/api/v1/health/customers/" + annas).status());
        ApiClient.Reply hidden = users.get("rep1").get("/api/v1/health/customers/" + notAnnas);
        assertEquals(404, hidden.status(), hidden.body());
        assertFalse(hidden.body().contains("\"score\""), hidden.body());
        assertEquals(
                400, users.get("rep1").get("/api/v1/health/segments?by=colour").status());
    }

    @Test
    void filtersByRegionCloseDatesAndCustomerCountWhatTheRawFilesHold() throws Exception {
        Map<String, String> officeOfAgent = new java.util.HashMap<>();
        Files.readAllLines(RawData.dataset("maven-crm/sales_teams.csv")).stream()
                .skip(1)
                .map(line -> line.trim().split(","))
                .forEach(row -> officeOfAgent.put(row[0], row[2]));
        List<String[]> won =
                pipeline().stream().filter(row -> row[4].equals("Won")).toList();
        long westWon = won.stream()
                .filter(row -> "West".equals(officeOfAgent.get(row[1])))
                .count();
        long wonInJune2017 =
                won.stream().filter(row -> row[6].startsWith("2017-06")).count();
        long konexDeals =
                pipeline().stream().filter(row -> row[3].equals("Konex")).count();
        long annaKonexDeals = pipeline().stream()
                .filter(row -> row[3].equals("Konex") && row[1].equals(AGENT))
                .count();

        String west = first("/api/v1/regions?code=West").get("id").asText();
        String konex = first("/api/v1/accounts?code=Konex").get("id").asText();
        assertEquals(westWon, total("admin", "/api/v1/opportunities?stage=Won&ownerId.regionId=" + west));
        assertEquals(
                wonInJune2017,
                total("admin", "/api/v1/opportunities?stage=Won&closeDate.from=2017-06-01&closeDate.to=2017-06-30"));
        assertEquals(konexDeals, total("admin", "/api/v1/opportunities?accountId=" + konex));
        assertEquals(annaKonexDeals, total("rep1", "/api/v1/opportunities?accountId=" + konex));
        assertTrue(westWon > 0 && wonInJune2017 > 0 && konexDeals > annaKonexDeals);

        ApiClient.Reply nowhere = admin.get("/api/v1/opportunities?stage.name=Won");
        assertEquals(422, nowhere.status(), nowhere.body());
        assertEquals("stage.name", nowhere.json().get("field").asText());
    }

    private long total(String user, String path) throws Exception {
        ApiClient.Reply reply = users.get(user).get(path + "&limit=1");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("total").asLong();
    }

    @Test
    void costPriceIsAbsentForRepsAndPartnersInEveryResponse() throws Exception {
        for (String user : List.of("admin", "manager1", "analyst1")) {
            JsonNode product =
                    users.get(user).get("/api/v1/products/" + productId).json();
            assertEquals(410, product.get("costPrice").asInt(), user);
        }
        assertTrue(xlsxSheet(admin, "/api/v1/products/export.xlsx").contains("<v>410</v>"), "admins export costs");
        for (String user : List.of("rep1", "dealer1")) {
            JsonNode product =
                    users.get(user).get("/api/v1/products/" + productId).json();
            assertFalse(product.has("costPrice"), user + " must not see costPrice: " + product);
            JsonNode list = users.get(user).get("/api/v1/products?limit=100").json();
            list.get("items").forEach(p -> assertFalse(p.has("costPrice"), user));
            String csv = users.get(user).get("/api/v1/products/export.csv").body();
            assertFalse(csv.contains("costPrice") || csv.contains("410"), user + " export: " + csv);
            String sheet = xlsxSheet(users.get(user), "/api/v1/products/export.xlsx");
            assertTrue(sheet.contains("GTX Basic"), user + " workbook: " + sheet);
            assertFalse(sheet.contains("costPrice") || sheet.contains(">410<"), user + " workbook: " + sheet);
            ApiClient.Reply probe = users.get(user).get("/api/v1/products?costPrice.from=400");
            assertEquals(422, probe.status(), user + " cannot find products by cost: " + probe.body());
        }
    }

    @Test
    void personalDetailsAreMaskedForAnalystsAndHiddenFromPartners() throws Exception {
        assertEquals(
                "zhang.wei@example.cn",
                users.get("admin")
                        .get("/api/v1/contacts/" + contactId)
                        .json()
                        .get("email")
                        .asText());
        assertEquals(
                "zhang.wei@example.cn",
                users.get("rep1")
                        .get("/api/v1/contacts/" + contactId)
                        .json()
                        .get("email")
                        .asText());
        JsonNode masked =
                users.get("analyst1").get("/api/v1/contacts/" + contactId).json();
        assertEquals("z***@example.cn", masked.get("email").asText());
        assertEquals("+86****5678", masked.get("phone").asText());
        assertEquals(
                404, users.get("dealer1").get("/api/v1/contacts/" + contactId).status());

        JsonNode audit = admin.get("/api/v1/security/audit?actor=analyst1&action=sensitive-read")
                .json();
        assertEquals("contact/" + contactId, audit.get(0).get("target").asText());
        assertEquals(addressOf("analyst1"), audit.get(0).get("from").asText(), "from where: " + audit.get(0));
    }

    @Test
    void eachRoleMayTakeOnlyItsActions() throws Exception {
        Map<String, Integer> createAccount =
                Map.of("admin", 201, "manager1", 201, "rep1", 201, "analyst1", 403, "dealer1", 403);
        Map<String, Integer> changeProduct =
                Map.of("admin", 200, "manager1", 403, "rep1", 403, "analyst1", 403, "dealer1", 403);
        Map<String, Integer> adminOnly =
                Map.of("admin", 200, "manager1", 403, "rep1", 403, "analyst1", 403, "dealer1", 403);

        for (var user : users.entrySet()) {
            String name = user.getKey();
            ApiClient client = user.getValue();
            ApiClient.Reply created = client.post("/api/v1/accounts", Map.of("name", "New account of " + name));
            assertEquals(createAccount.get(name), created.status(), name + ": " + created.body());

            JsonNode product = admin.get("/api/v1/products/" + productId).json();
            ApiClient.Reply changed = client.patch(
                    "/api/v1/products/" + productId,
                    "\"" + product.get("version").asLong() + "\"",
                    Map.of("listPrice", 560));
            assertEquals(changeProduct.get(name), changed.status(), name + ": " + changed.body());

            for (String path : List.of(
                    "/api/v1/users",
                    "/api/v1/status",
                    "/api/v1/security/audit",
                    "/api/v1/security/policy",
                    "/api/v1/security/keys")) {
                assertEquals(adminOnly.get(name), client.get(path).status(), name + " " + path);
            }
            int importStatus = client.postRaw(
                            "/api/v1/imports?mapping=maven-crm-products",
                            "text/csv",
                            "product,series,sales_price\nGTX Basic,GTX,550\n")
                    .status();
            assertEquals(name.equals("admin") || name.equals("manager1") ? 202 : 403, importStatus, name);
        }
    }

    @Test
    void aManagerSeesOnlyTheImportJobsTheyStarted() throws Exception {
        ApiClient manager = users.get("manager1");
        List<String> adminJobs = new ArrayList<>();
        admin.get("/api/v1/imports")
                .json()
                .forEach(job -> adminJobs.add(job.get("id").asText()));
        assertFalse(adminJobs.isEmpty(), "the CRM files were imported by the administrator");
        ApiClient.Reply started = manager.postRaw(
                "/api/v1/imports?mapping=maven-crm-accounts",
                "text/csv",
                "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                        + "Formula Ltd,retail,=1+2,1,1,US,\n");
        assertEquals(202, started.status(), started.body());
        String own =
                manager.awaitJob(started.json().get("id").asText()).get("id").asText();

        List<String> listed = new ArrayList<>();
        manager.get("/api/v1/imports")
                .json()
                .forEach(job -> listed.add(job.get("id").asText()));
        assertTrue(listed.contains(own), listed.toString());
        for (String job : adminJobs) {
            assertFalse(listed.contains(job), "the manager lists the administrator's job " + job);
            assertEquals(404, manager.get("/api/v1/imports/" + job).status());
            assertEquals(
                    404, manager.get("/api/v1/imports/" + job + "/rejections").status());
        }
        String report = manager.get("/api/v1/imports/" + own + "/rejections").body();
        assertTrue(report.contains("year_established,'=1+2,"), "a formula-like value is quoted: " + report);
        assertEquals(200, admin.get("/api/v1/imports/" + own).status(), "administrators see every job");
    }

    @Test
    void aRepCannotReadChangeOrDeleteAColleaguesDeal() throws Exception {
        String otherId = null;
        for (JsonNode deal : admin.get("/api/v1/opportunities?limit=100").json().get("items")) {
            if (!annaId.equals(deal.path("ownerId").asText())) {
                otherId = deal.get("id").asText();
                break;
            }
        }
        ApiClient rep = users.get("rep1");

        assertEquals(404, rep.get("/api/v1/opportunities/" + otherId).status());
        assertEquals(
                404,
                rep.patch("/api/v1/opportunities/" + otherId, "\"1\"", Map.of("stage", "Lost"))
                        .status());
        assertEquals(
                403,
                rep.delete("/api/v1/opportunities/" + otherId + "?version=1").status());
    }

    @Test
    void aManagerCannotWidenTheirTeamThroughTheDirectory() throws Exception {
        ApiClient manager = users.get("manager1");
        String myId =
                manager.get("/api/v1/reps/" + annaId).json().get("managerId").asText();
        JsonNode outsider = null;
        for (JsonNode rep : admin.get("/api/v1/reps?limit=100").json().get("items")) {
            if (!rep.get("managerId").asText().equals(myId)) {
                outsider = rep;
                break;
            }
        }
        String path = "/api/v1/reps/" + outsider.get("id").asText();
        String version = "\"" + outsider.get("version").asLong() + "\"";
        long before =
                manager.get("/api/v1/opportunities?limit=1").json().get("total").asLong();

        assertEquals(200, manager.get(path).status());
        assertEquals(
                403, manager.patch(path, version, Map.of("managerId", myId)).status());
        assertEquals(
                403,
                manager.delete(path + "?version=" + outsider.get("version").asLong())
                        .status());
        assertEquals(
                403,
                manager.post("/api/v1/regions", Map.of("code", "North", "name", "North"))
                        .status());
        assertEquals(
                403,
                manager.post("/api/v1/teams", Map.of("code", "Mine", "name", "Mine", "managerId", myId))
                        .status());
        assertEquals(
                before,
                manager.get("/api/v1/opportunities?limit=1").json().get("total").asLong());
        assertNotEquals(myId, admin.get(path).json().path("managerId").asText());
    }

    @Test
    void aRepCannotReachAnotherAccountByReferringToIt() throws Exception {
        Set<String> annas = accountsSoldBy(Set.of(AGENT));
        String hidden = null;
        for (JsonNode account : admin.get("/api/v1/accounts?limit=100").json().get("items")) {
            if (!annas.contains(account.get("name").asText())) {
                hidden = account.get("id").asText();
                break;
            }
        }
        ApiClient rep = users.get("rep1");
        long before = rep.get("/api/v1/accounts?limit=1").json().get("total").asLong();

        for (String account : List.of(hidden, "no-such-account")) {
            ApiClient.Reply deal = rep.post(
                    "/api/v1/opportunities", Map.of("code", "X-" + account, "stage", "Won", "accountId", account));
            assertEquals(403, deal.status(), deal.body());
            assertEquals("accountId", deal.json().get("field").asText());
            ApiClient.Reply order = rep.post(
                    "/api/v1/orders",
                    Map.of("orderNumber", "X-" + account, "accountId", account, "orderedAt", "2017-12-01T10:00:00Z"));
            assertEquals(403, order.status(), order.body());
            assertEquals("accountId", order.json().get("field").asText());
        }
        assertEquals(
                rep.post("/api/v1/opportunities", Map.of("code", "X-1", "stage", "Won", "accountId", hidden))
                        .body()
                        .replace(hidden, "?"),
                rep.post("/api/v1/opportunities", Map.of("code", "X-2", "stage", "Won", "accountId", "nothing"))
                        .body()
                        .replace("nothing", "?"),
                "a hidden account and a missing one get the same answer");

        JsonNode own =
                rep.get("/api/v1/opportunities?limit=1").json().get("items").get(0);
        ApiClient.Reply moved = rep.patch(
                "/api/v1/opportunities/" + own.get("id").asText(),
                "\"" + own.get("version").asLong() + "\"",
                Map.of("accountId", hidden));
        assertEquals(403, moved.status(), moved.body());
        assertEquals(404, rep.get("/api/v1/accounts/" + hidden).status());
        assertEquals(
                before, rep.get("/api/v1/accounts?limit=1").json().get("total").asLong());
    }

    @Test
    void eachDealerSeesItsOwnRegionsStoresStockAndOrdersAndNoCosts() throws Exception {
        String east = first("/api/v1/regions?code=East").get("id").asText();
        String west = first("/api/v1/regions?code=West").get("id").asText();
        List<String> products = new ArrayList<>();
        admin.get("/api/v1/products?limit=100")
                .json()
                .get("items")
                .forEach(p -> products.add(p.get("id").asText()));
        List<String> skus = Files.readAllLines(RawData.dataset("maven-crm/products.csv")).stream()
                .skip(1)
                .toList();
        assertEquals(skus.size(), products.size(), "one product per row of products.csv");
        JsonNode accounts = admin.get("/api/v1/accounts?limit=10").json().get("items");

        // Each dealer has a store in its region; the eastern dealer also has one in the west, where it does not work.
        String[][] stores = {
            {"D-EAST-1", "P-EAST", east, "3"}, {"D-EAST-2", "P-EAST", west, "1"}, {"D-WEST-1", "P-WEST", west, "2"}
        };
        int order = 0;
        for (String[] store : stores) {
            ApiClient.Reply created = admin.post(
                    "/api/v1/stores",
                    Map.of("code", store[0], "name", store[0], "partnerId", store[1], "regionId", store[2]));
            assertEquals(201, created.status(), created.body());
            String storeId = created.json().get("id").asText();
            for (String product : products) {
                ApiClient.Reply stock = admin.post(
                        "/api/v1/stock",
                        Map.of(
                                "storeId",
                                storeId,
                                "productId",
                                product,
                                "quantity",
                                12,
                                "unitCost",
                                410,
                                "partnerId",
                                store[1],
                                "regionId",
                                store[2]));
                assertEquals(201, stock.status(), stock.body());
            }
            for (int i = 0; i < Integer.parseInt(store[3]); i++) {
                ApiClient.Reply sold = admin.post(
                        "/api/v1/orders",
                        Map.of(
                                "orderNumber",
                                store[0] + "-" + i,
                                "accountId",
                                accounts.get(order++).get("id").asText(),
                                "storeId",
                                storeId,
                                "channel",
                                "dealer",
                                "orderedAt",
                                "2017-12-01T10:00:00Z",
                                "partnerId",
                                store[1],
                                "regionId",
                                store[2]));
                assertEquals(201, sold.status(), sold.body());
            }
        }
        createUser("dealer-east", "dealer", Map.of("partnerId", "P-EAST", "regionIds", List.of(east)));
        createUser("dealer-west", "dealer", Map.of("partnerId", "P-WEST", "regionIds", List.of(west)));

        Map<String, Object> ownOrders = Map.of("dealer-east", 3L, "dealer-west", 2L);
        for (String dealer : List.of("dealer-east", "dealer-west")) {
            ApiClient client = new ApiClient(sellcraft.baseUrl()).login(dealer, PASSWORD);
            String code = dealer.equals("dealer-east") ? "D-EAST-1" : "D-WEST-1";
            JsonNode visibleStores = client.get("/api/v1/stores?limit=100").json();
            assertEquals(1, visibleStores.get("total").asLong(), dealer + " " + visibleStores);
            assertEquals(code, visibleStores.get("items").get(0).get("code").asText());
            JsonNode stock = client.get("/api/v1/stock?limit=100").json();
            assertEquals(products.size(), stock.get("total").asLong(), dealer);
            stock.get("items").forEach(row -> {
                assertFalse(row.has("unitCost"), dealer + " must not see what stock cost: " + row);
                assertEquals(
                        visibleStores.get("items").get(0).get("id").asText(),
                        row.get("storeId").asText());
            });
            JsonNode orders = client.get("/api/v1/orders?limit=100").json();
            assertEquals(ownOrders.get(dealer), orders.get("total").asLong(), dealer);
            orders.get("items")
                    .forEach(row -> assertTrue(row.get("orderNumber").asText().startsWith(code)));
            client.get("/api/v1/products?limit=100")
                    .json()
                    .get("items")
                    .forEach(p -> assertFalse(p.has("costPrice"), dealer));
            assertEquals(422, client.get("/api/v1/stock?unitCost.from=1").status(), dealer);
            assertEquals(
                    0,
                    client.get("/api/v1/accounts?limit=1").json().get("total").asLong(),
                    dealer);
        }
        String westStock = first("/api/v1/stock?partnerId=P-WEST").get("id").asText();
        ApiClient eastDealer = new ApiClient(sellcraft.baseUrl()).login("dealer-east", PASSWORD);
        assertEquals(404, eastDealer.get("/api/v1/stock/" + westStock).status());
        assertEquals(
                3 * products.size(),
                admin.get("/api/v1/stock?limit=1").json().get("total").asLong());
    }

    @Test
    void aPartnerUserNeedsAPartnerAndHoldsNoStaffRole() throws Exception {
        ApiClient.Reply unlinked = admin.post(
                "/api/v1/users", Map.of("userName", "dealer-x", "password", PASSWORD, "roles", List.of("dealer")));
        assertEquals(422, unlinked.status(), unlinked.body());
        assertEquals("partnerId", unlinked.json().get("field").asText());
        ApiClient.Reply mixed = admin.post(
                "/api/v1/users",
                Map.of(
                        "userName",
                        "dealer-y",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("dealer", "manager"),
                        "partnerId",
                        "P1"));
        assertEquals(422, mixed.status(), mixed.body());
        assertEquals("roles", mixed.json().get("field").asText());
        assertEquals(
                422,
                admin.put("/api/v1/users/dealer1/roles", Map.of("roles", List.of("dealer", "admin")))
                        .status());
        String users = admin.get("/api/v1/users").body();
        assertFalse(users.contains("dealer-x") || users.contains("dealer-y"), users);
    }

    @Test
    void recordChangesCarryTheAddressTheyCameFrom() throws Exception {
        ApiClient rep = users.get("rep1");
        String id = rep.post("/api/v1/accounts", Map.of("name", "Audited account"))
                .json()
                .get("id")
                .asText();
        assertEquals(
                200,
                rep.patch("/api/v1/accounts/" + id, "\"1\"", Map.of("industry", "retail"))
                        .status());
        assertEquals(204, admin.delete("/api/v1/accounts/" + id + "?version=2").status());

        String address = addressOf("rep1");
        assertFalse(address.isEmpty());
        for (String[] change :
                new String[][] {{"rep1", "record-created"}, {"rep1", "record-updated"}, {"admin", "record-deleted"}}) {
            JsonNode entry = admin.get(
                            "/api/v1/security/audit?actor=" + change[0] + "&action=" + change[1] + "&limit=1")
                    .json()
                    .get(0);
            assertEquals("account/" + id, entry.get("target").asText(), entry.toString());
            assertEquals(address, entry.get("from").asText(), "from where: " + entry);
        }
    }

    /** The address a user's sign-in came from, as the audit log has it: the tests all run on one machine. */
    private String addressOf(String user) throws Exception {
        JsonNode login = admin.get("/api/v1/security/audit?actor=" + user + "&action=login&limit=1")
                .json()
                .get(0);
        return login.get("from").asText();
    }

    @Test
    void apiKeysCarryTheirUsersScopeAndStopWorkingWhenRevoked() throws Exception {
        JsonNode issued = admin.post("/api/v1/security/keys", Map.of("userName", "dealer1", "name", "Dealer ERP"))
                .json();
        String secret = issued.get("secret").asText();
        secrets.add(secret);
        HttpRequest.Builder withKey = HttpRequest.newBuilder(
                        URI.create(sellcraft.baseUrl() + "/api/v1/products/" + productId))
                .header("X-API-Key", secret);

        ApiClient anonymous = new ApiClient(sellcraft.baseUrl());
        ApiClient.Reply product = anonymous.send(withKey);
        assertEquals(200, product.status(), product.body());
        assertFalse(product.json().has("costPrice"));
        assertFalse(admin.get("/api/v1/security/keys").body().contains(secret), "a key is listed without its secret");

        admin.post("/api/v1/security/keys/" + issued.get("key").get("id").asText() + "/revoke", Map.of());
        assertEquals(401, anonymous.send(withKey).status());
    }

    @Test
    void malformedAndTamperedTokensAreRefusedCleanly() throws Exception {
        ApiClient anonymous = new ApiClient(sellcraft.baseUrl());
        String token = admin.token();
        for (String bad : List.of("", "x", token + "x", token.substring(1), "Bearer " + token, "é✓\u0001")) {
            ApiClient.Reply reply =
                    anonymous.send(HttpRequest.newBuilder(URI.create(sellcraft.baseUrl() + "/api/v1/accounts"))
                            .header("Authorization", "Bearer " + bad.replaceAll("[^\\x20-\\x7e]", "?")));
            assertEquals(401, reply.status(), bad + ": " + reply.body());
            assertFalse(reply.body().contains(token));
        }
    }

    @Test
    void noSecretEverReachesTheLogs() throws Exception {
        admin.get("/api/v1/security/audit");
        String log = Files.readString(sellcraft.home().resolve("data/log/karaf.log"))
                + Files.readString(sellcraft.home().resolve("console.out"));
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a secret of " + secret.length() + " characters is in the log");
        }
        String audit = admin.get("/api/v1/security/audit?limit=1000").body();
        for (String secret : secrets) {
            assertFalse(audit.contains(secret), "a secret is in the audit log");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void administratorsChangeThePolicyAsDataAndTheChangeIsAudited() throws Exception {
        JsonNode analyst = null;
        for (JsonNode role : admin.get("/api/v1/security/policy").json()) {
            if (role.get("role").asText().equals("analyst")) {
                analyst = role;
            }
        }
        Map<String, Object> hiding = new LinkedHashMap<>();
        hiding.put("scope", analyst.get("scope").asText());
        hiding.put("hiddenFields", List.of("SENSITIVE"));
        hiding.put("maskedFields", List.of());
        hiding.put("actions", Map.of("*", List.of("READ")));

        ApiClient.Reply changed =
                admin.send(HttpRequest.newBuilder(URI.create(sellcraft.baseUrl() + "/api/v1/security/policy/analyst"))
                        .header("Authorization", "Bearer " + admin.token())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(hiding))));
        assertEquals(200, changed.status(), changed.body());

        JsonNode contact =
                users.get("analyst1").get("/api/v1/contacts/" + contactId).json();
        assertFalse(contact.has("email"), "the analyst no longer sees e-mail addresses at all: " + contact);
        JsonNode audit = admin.get("/api/v1/security/audit?action=permission-changed&limit=1")
                .json();
        assertEquals("role/analyst", audit.get(0).get("target").asText());
        assertEquals("admin", audit.get(0).get("actor").asText());
        assertEquals(addressOf("admin"), audit.get(0).get("from").asText(), "from where: " + audit.get(0));
    }

    /** Downloads a workbook export and returns its sheet's XML. */
    private static String xlsxSheet(ApiClient client, String path) throws IOException {
        ApiClient.Download workbook = client.download(path);
        assertEquals(200, workbook.status());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.contentType());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("The workbook has no sheet");
    }

    private void assertTotals(String path, long admin, long manager, long rep, long analyst, long dealer)
            throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("admin", admin);
        expected.put("manager1", manager);
        expected.put("rep1", rep);
        expected.put("analyst1", analyst);
        expected.put("dealer1", dealer);
        for (var user : expected.entrySet()) {
            ApiClient.Reply reply = users.get(user.getKey()).get(path + "?limit=1");
            assertEquals(200, reply.status(), user.getKey() + " " + path);
            assertEquals(user.getValue(), reply.json().get("total").asLong(), user.getKey() + " " + path);
        }
    }

    private static List<String[]> pipeline() throws IOException {
        return Files.readAllLines(RawData.pipelineFile()).stream()
                .skip(1)
                .map(line -> line.trim().split(",", -1))
                .toList();
    }

    /** The agents of the manager's team, from the raw teams file. */
    private Set<String> team() throws IOException {
        Set<String> team = new HashSet<>();
        Files.readAllLines(RawData.dataset("maven-crm/sales_teams.csv")).stream()
                .skip(1)
                .map(line -> line.trim().split(","))
                .filter(row -> row[1].equals(managerName))
                .forEach(row -> team.add(row[0]));
        return team;
    }

    /** The names of the accounts the agents have deals with, from the raw pipeline file. */
    private static Set<String> accountsSoldBy(Set<String> agents) throws IOException {
        Set<String> accounts = new TreeSet<>();
        pipeline().stream()
                .filter(row -> agents.contains(row[1]) && !row[3].isEmpty())
                .forEach(row -> accounts.add(row[3]));
        return accounts;
    }

    private JsonNode first(String path) throws Exception {
        return admin.get(path).json().get("items").get(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
