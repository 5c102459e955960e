package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sellcraft.api.record.RecordIds;

/**
 * The ecosystem in the real distribution, over HTTP: the feature installed at run time, the partner files imported
 * through the importer with the bundle's mappings, the late-delivery clause acting on the import's events, the
 * satisfaction clause run for a month, a frozen partner's work order refused, and a partner system's key scoped,
 * cut off by a burst, restored by an administrator and recovering after its cool-down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EcosystemIT {

    private static final DateTimeFormatter SCMS_DATE = new DateTimeFormatterBuilder()
            .appendPattern("d-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
            .toFormatter(Locale.ENGLISH);
    private static final String VENDOR = "Aurobindo Pharma Limited";

    private SellcraftProcess sellcraft;
    private KarafConsole console;
    private ApiClient admin;
    private String partnerKey;
    private ApiClient partner;

    @BeforeAll
    void start() throws Exception {
        sellcraft = SellcraftProcess.unpack("ecosystem");
        admin = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        partner = new ApiClient(sellcraft.baseUrl());
        console = KarafConsole.prepare(sellcraft.home(), SellcraftProcess.ADMIN_PASSWORD);
        console.run(
                "config:property-set -p org.sellcraft.ecosystem.gate coolDownSeconds 5",
                "feature:install sellcraft-ecosystem");
        Poll.until(
                "the ecosystem API",
                () -> admin.get("/api/v1/ecosystem/contract-templates").status() == 200);
        Poll.until(
                "the import mappings",
                () -> admin.get("/api/v1/imports/mappings").body().contains("scms-deliveries"));
    }

    @AfterAll
    void stop() throws Exception {
        sellcraft.close();
    }

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return CSVFormat.DEFAULT.builder().setHeader().get().parse(in).getRecords();
        }
    }

    private long total(String path) throws Exception {
        ApiClient.Reply reply = admin.get(path);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().get("total").asLong();
    }

    @Test
    @Order(1)
    void theLateDeliveryClauseHoldsPaymentForTheSupplierDeliveriesMoreThan48HoursLateAsTheyAreImported()
            throws Exception {
        long late = 0;
        for (CSVRecord row : rows(RawData.dataset("scms-delivery/SCMS_Delivery_History_Dataset.csv"))) {
            LocalDate scheduled = LocalDate.parse(row.get("Scheduled Delivery Date"), SCMS_DATE);
            LocalDate delivered = LocalDate.parse(row.get("Delivered to Client Date"), SCMS_DATE);
            late += ChronoUnit.DAYS.between(scheduled, delivered) > 2 ? 1 : 0;
        }
        assertEquals(1_046, late);

        ApiClient.Reply signed =
                admin.post("/api/v1/ecosystem/contracts", Map.of("template", "supplier-late-delivery"));
        assertEquals(201, signed.status(), signed.body());
        assertEquals(
                "supplier-late-delivery-all-late", signed.json().get("ruleIds").asText());

        JsonNode job = admin.importFile(
                RawData.dataset("scms-delivery/SCMS_Delivery_History_Dataset.csv"), "mapping=scms-deliveries");
        assertEquals("DONE", job.get("state").asText(), job.toString());
        // Every line is a delivery, and each of the 73 vendors becomes a supplier partner on its first line.
        assertEquals(10_324 + 73, job.get("inserted").asLong(), job.toString());

        long expected = late;
        Poll.until("1,046 payment holds", () -> total("/api/v1/deliveries?paymentHold=true&limit=1") == expected);
        // The log keeps every evaluation, the on-time deliveries' too: find the newest one that acted.
        JsonNode evaluations = admin.get(
                        "/api/v1/automation/rules/supplier-late-delivery-all-late/evaluations?limit=500")
                .json();
        JsonNode first = null;
        for (JsonNode item : evaluations.get("items")) {
            if (first == null && item.get("matched").asBoolean()) {
                first = item;
            }
        }
        assertEquals(500, evaluations.get("items").size());
        assertTrue(first.get("actions").get(0).asText().startsWith("notify manager: Delivery scms-"), first.toString());
        assertTrue(
                first.get("actions").get(2).asText().startsWith("hold payment approval of delivery "),
                first.toString());
        assertEquals("org/sellcraft/record/delivery/CREATED", first.get("cause").asText());
    }

    @Test
    @Order(2)
    void theSatisfactionClauseFreezesTheSellersOfAMonthAndTheirNewWorkOrdersAreRefusedWith409() throws Exception {
        for (String[] file : List.of(
                new String[] {"olist-orders/olist_order_items_dataset.csv", "olist-order-items"},
                new String[] {"olist-orders/olist_orders_dataset.csv", "olist-orders"},
                new String[] {"olist-orders/olist_order_reviews_dataset.csv", "olist-reviews"})) {
            JsonNode job = admin.importFile(RawData.dataset(file[0]), "mapping=" + file[1]);
            assertEquals("DONE", job.get("state").asText(), job.toString());
            assertEquals(0, job.get("rejected").asLong(), job.toString());
        }
        Set<String> expected = frozenInJanuary2018();

        assertEquals(
                201,
                admin.post("/api/v1/ecosystem/contracts", Map.of("template", "service-satisfaction"))
                        .status());
        JsonNode dry = admin.post(
                        "/api/v1/automation/rules/service-satisfaction-all-freeze/dry-run"
                                + "?from=2018-01-01&to=2018-02-01",
                        Map.of())
                .json();
        JsonNode run = admin.post("/api/v1/automation/schedules/monthly/run?from=2018-01-01&to=2018-02-01", Map.of())
                .json();

        assertEquals(expected, freezes(dry.get("items")));
        assertEquals(expected, freezes(run.get("items")));
        String frozen = expected.iterator().next();
        ApiClient.Reply standing = admin.get("/api/v1/ecosystem/partners/" + frozen + "/standing");
        assertEquals("frozen", standing.json().get("status").asText(), standing.body());

        ApiClient.Reply refused =
                admin.post("/api/v1/ecosystem/partners/" + frozen + "/work-orders", Map.of("orderId", "repair-7"));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertTrue(refused.json().get("reasonEn").asText().startsWith("Satisfaction in 2018-01 was "), refused.body());
        assertTrue(refused.json().get("reasonZh").asText().startsWith("2018-01 满意度为 "), refused.body());
        assertEquals(0, total("/api/v1/work-orders?orderId=repair-7&limit=1"));
    }

    private static Set<String> freezes(JsonNode items) {
        Set<String> found = new TreeSet<>();
        items.forEach(item -> {
            if (item.get("rule").asText().endsWith("-freeze")
                    && item.get("matched").asBoolean()) {
                found.add(item.get("facts").get("partnerId").asText());
            }
        });
        return found;
    }

    /** Partner ids of the sellers with at least 5 surveys on January 2018 orders, under 85% of them at 4 or 5. */
    private static Set<String> frozenInJanuary2018() throws Exception {
        Set<String> january = new HashSet<>();
        for (CSVRecord order : rows(RawData.dataset("olist-orders/olist_orders_dataset.csv"))) {
            if (order.get("order_purchase_timestamp").startsWith("2018-01")) {
                january.add(order.get("order_id"));
            }
        }
        Map<String, Set<String>> sellers = new HashMap<>();
        for (CSVRecord item : rows(RawData.dataset("olist-orders/olist_order_items_dataset.csv"))) {
            sellers.computeIfAbsent(item.get("order_id"), o -> new HashSet<>()).add(item.get("seller_id"));
        }
        Map<String, int[]> counts = new HashMap<>();
        for (CSVRecord review : rows(RawData.dataset("olist-orders/olist_order_reviews_dataset.csv"))) {
            if (!january.contains(review.get("order_id"))) {
                continue;
            }
            for (String seller : sellers.getOrDefault(review.get("order_id"), Set.of())) {
                int[] c = counts.computeIfAbsent(seller, s -> new int[2]);
                c[0]++;
                c[1] += Integer.parseInt(review.get("review_score")) >= 4 ? 1 : 0;
            }
        }
        Set<String> frozen = new TreeSet<>();
        counts.forEach((seller, c) -> {
            if (c[0] >= 5 && c[1] < 0.85 * c[0]) {
                frozen.add(RecordIds.fromKey("partner", seller));
            }
        });
        assertFalse(frozen.isEmpty());
        return frozen;
    }

    @Test
    @Order(3)
    void aPartnerSystemSeesOnlyItsOwnDeliveriesWithoutCosts() throws Exception {
        String vendorId = RecordIds.fromKey("partner", VENDOR);
        long lines = rows(RawData.dataset("scms-delivery/SCMS_Delivery_History_Dataset.csv")).stream()
                .filter(r -> r.get("Vendor").equals(VENDOR))
                .count();
        ApiClient.Reply user = admin.post(
                "/api/v1/users",
                Map.of(
                        "userName",
                        "aurobindo",
                        "password",
                        "a-long-partner-password",
                        "roles",
                        List.of("supplier"),
                        "partnerId",
                        vendorId));
        assertEquals(201, user.status(), user.body());
        partnerKey = admin.post("/api/v1/security/keys", Map.of("userName", "aurobindo", "name", "ERP"))
                .json()
                .get("secret")
                .asText();

        ApiClient.Reply own = asPartner("/api/v1/deliveries?limit=1000");
        assertEquals(200, own.status(), own.body());
        assertEquals(lines, own.json().get("total").asLong());
        own.json().get("items").forEach(d -> {
            assertEquals(vendorId, d.get("partnerId").asText());
            assertFalse(d.has("unitCost") || d.has("lineValue"), d.toString());
        });
        String other = RecordIds.fromKey("delivery", "scms-1");
        assertEquals(404, asPartner("/api/v1/deliveries/" + other).status());
        assertEquals(
                0, asPartner("/api/v1/work-orders?limit=1").json().get("total").asLong());
        assertEquals(
                1, asPartner("/api/v1/partners?limit=10").json().get("total").asLong());
    }

    private ApiClient.Reply asPartner(String path) throws Exception {
        return partner.send(
                HttpRequest.newBuilder(URI.create(sellcraft.baseUrl() + path)).header("X-API-Key", partnerKey));
    }

    @Test
    @Order(4)
    void aBurstCutsThePartnerOffAnAdministratorRestoresItAndItRecoversAfterTheCoolDown() throws Exception {
        String vendorId = RecordIds.fromKey("partner", VENDOR);
        String path = "/api/v1/partners/" + vendorId;
        ApiClient.Reply reply = asPartner(path);
        int passed = 0;
        while (reply.status() == 200 && passed < 1_000) {
            passed++;
            reply = asPartner(path);
        }
        assertEquals(429, reply.status(), reply.body());
        assertTrue(
                reply.json().get("detail").asText().contains(": burst of 201 requests within a minute"), reply.body());
        assertTrue(passed >= 150, "passed " + passed);
        assertEquals("5", reply.json().get("retryAfterSeconds").asText());

        JsonNode gate = admin.get("/api/v1/ecosystem/gate").json();
        assertTrue(gate.get("items").get(0).get("open").asBoolean(), gate.toString());
        ApiClient.Reply reset = admin.post("/api/v1/ecosystem/gate/" + vendorId + "/reset", Map.of());
        assertEquals(200, reset.status(), reset.body());
        assertEquals(200, asPartner(path).status());
        assertTrue(admin.get("/api/v1/security/audit?action=partner-circuit-open")
                .body()
                .contains(vendorId));
        assertTrue(admin.get("/api/v1/security/audit?action=partner-circuit-closed")
                .body()
                .contains("reset by an"));

        reply = asPartner(path);
        while (reply.status() == 200) {
            reply = asPartner(path);
        }
        assertEquals(429, reply.status());
        Poll.until("the cool-down", () -> asPartner(path).status() == 200);
        assertEquals(
                404,
                admin.post(
                                "/api/v1/ecosystem/gate/" + URLEncoder.encode("nobody", StandardCharsets.UTF_8)
                                        + "/reset",
                                Map.of())
                        .status());
    }
}
