package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The record API's contract: statuses, problem documents, versions and hostile input, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordApiIT {

    private static final String PROBLEM = "application/problem+json";

    private SellcraftProcess sellcraft;
    private ApiClient api;

    @BeforeAll
    void start() throws Exception {
        sellcraft = SellcraftProcess.unpack("record-api");
        api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        sellcraft.close();
    }

    @Test
    void aRecordIsCreatedReadChangedAndDeletedWithVersions() throws Exception {
        ApiClient.Reply created = api.post(
                "/api/v1/opportunities",
                Map.of("code", "RA-1", "stage", "Engaging", "engageDate", "2017-02-01", "value", 1200));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(1, created.json().get("version").asLong());

        ApiClient.Reply changed = api.patch("/api/v1/opportunities/" + id, "\"1\"", Map.of("stage", "Won"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(2, changed.json().get("version").asLong());
        assertEquals(
                "Won",
                api.get("/api/v1/opportunities/" + id).json().get("stage").asText());

        ApiClient.Reply stale = api.patch("/api/v1/opportunities/" + id, "\"1\"", Map.of("stage", "Lost"));
        assertProblem(stale, 409, "version-conflict");
        assertEquals(2, stale.json().get("currentVersion").asLong());
        assertEquals(
                "Won",
                api.get("/api/v1/opportunities/" + id).json().get("stage").asText());

        ApiClient.Reply deleted = api.delete("/api/v1/opportunities/" + id + "?version=2");
        assertEquals(204, deleted.status(), deleted.body());
        assertProblem(api.get("/api/v1/opportunities/" + id), 404, "not-found");
    }

    @Test
    void invalidFieldsAreNamedWith422() throws Exception {
        ApiClient.Reply badDate = api.post("/api/v1/opportunities", Map.of("stage", "Won", "closeDate", "31/12/2017"));
        assertProblem(badDate, 422, "invalid-field");
        assertEquals("closeDate", badDate.json().get("field").asText());

        ApiClient.Reply badStage = api.post("/api/v1/opportunities", Map.of("stage", "Maybe"));
        assertProblem(badStage, 422, "invalid-field");
        assertTrue(badStage.json().get("detail").asText().contains("must be one of [Prospecting"));

        assertProblem(api.get("/api/v1/opportunities?colour=red"), 422, "invalid-field");
        assertProblem(api.get("/api/v1/opportunities?limit=5000"), 422, "invalid-field");
    }

    @Test
    void unknownThingsAre404() throws Exception {
        assertProblem(api.get("/api/v1/opportunities/no-such-id"), 404, "not-found");
        assertProblem(api.get("/api/v1/invoices"), 404, "unknown-type");
    }

    @Test
    void malformedAndHostileBodiesGetA4xxAndChangeNothing() throws Exception {
        long before = api.get("/api/v1/accounts?limit=1").json().get("total").asLong();

        assertProblem(api.postRaw("/api/v1/accounts", "application/json", "{\"name\": "), 400, "malformed-json");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertProblem(
                api.postRaw("/api/v1/accounts", "application/json", "{\"name\":" + deep + "}"), 400, "malformed-json");
        String huge = "{\"name\":\"" + "x".repeat(2_000_000) + "\"}";
        assertEquals(
                413, api.postRaw("/api/v1/accounts", "application/json", huge).status());
        String manyValues = "{\"name\":\"x\",\"tags\":[" + "\"0123456789\",".repeat(200_000) + "\"end\"]}";
        assertProblem(api.postChunked("/api/v1/accounts", "application/json", manyValues), 413, "http-413");
        ApiClient.Reply unquoted =
                api.postRaw("/api/v1/auth/login", "application/json", "{\"userName\":\"x\",\"password\":hunter2pw}");
        assertProblem(unquoted, 400, "malformed-json");
        assertFalse(unquoted.body().contains("hunter2pw"), unquoted.body());

        assertEquals(
                before, api.get("/api/v1/accounts?limit=1").json().get("total").asLong());
    }

    @Test
    void scriptAndSqlLookingTextIsStoredAsPlainText() throws Exception {
        String text = "Robert'); DROP TABLE accounts;-- <script>alert(1)</script>";

        ApiClient.Reply created = api.post("/api/v1/accounts", Map.of("name", text));

        assertEquals(201, created.status(), created.body());
        JsonNode read =
                api.get("/api/v1/accounts/" + created.json().get("id").asText()).json();
        assertEquals(text, read.get("name").asText());
    }

    @Test
    void everyCallNeedsAValidToken() throws Exception {
        ApiClient anonymous = new ApiClient(sellcraft.baseUrl());
        assertProblem(anonymous.get("/api/v1/accounts"), 401, "unauthenticated");

        ApiClient.Reply forged =
                anonymous.send(HttpRequest.newBuilder(URI.create(sellcraft.baseUrl() + "/api/v1/accounts"))
                        .header("Authorization", "Bearer forged-token-value"));
        assertProblem(forged, 401, "unauthenticated");
        assertFalse(forged.body().contains("forged-token-value"));

        ApiClient.Reply wrongPassword =
                anonymous.post("/api/v1/auth/login", Map.of("userName", "admin", "password", "not-the-password"));
        assertProblem(wrongPassword, 401, "unauthenticated");
        assertFalse(wrongPassword.body().contains("not-the-password"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryCollection() throws Exception {
        JsonNode document = api.get("/api/v1/openapi.json").json();

        assertEquals("3.1.0", document.get("openapi").asText());
        for (String collection : new String[] {
            "accounts",
            "contacts",
            "products",
            "stores",
            "orders",
            "opportunities",
            "activities",
            "reps",
            "managers",
            "teams",
            "regions",
            "stock"
        }) {
            assertTrue(document.get("paths").has("/api/v1/" + collection), collection);
        }
        JsonNode paths = document.get("paths");
        assertEquals(
                "[\"anyone\"]",
                paths.get("/api/v1/auth/login").get("post").get("x-roles").toString());
        assertEquals(
                "[\"admin\"]",
                paths.get("/api/v1/security/keys").get("post").get("x-roles").toString());
        assertTrue(
                paths.get("/api/v1/imports").has("post"),
                paths.get("/api/v1/imports").toString());
        assertTrue(paths.has("/api/v1/imports/{id}/rejections"));
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String kind) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith(PROBLEM), reply.contentType());
        assertEquals(
                "https://sellcraft.org/problems/" + kind,
                reply.json().get("type").asText(),
                reply.body());
        assertEquals(status, reply.json().get("status").asInt());
    }
}
