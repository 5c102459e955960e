package org.sellcraft.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A small client of the Sellcraft REST API, as a script or a partner system would use it. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    ApiClient(String base) {
        this.base = base;
    }

    /** An answer: its status, its content type and its body as JSON (or null when it is not JSON). */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A binary answer, such as a spreadsheet. */
    record Download(int status, String contentType, byte[] body) {}

    /** Gets a path and keeps the answer's bytes as they came. */
    Download download(String path) throws IOException {
        try {
            HttpResponse<byte[]> response =
                    http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Download(response.statusCode(), type, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    /** The bearer token of the signed-in user. */
    String token() {
        return token;
    }

    /** Sends a DELETE for the given path. */
    Reply delete(String path) throws IOException {
        return send(authorized(path).DELETE());
    }

    boolean answers() {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/openapi.json"))
                                    .GET())
                            .status()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    ApiClient login(String user, String password) throws IOException {
        Reply reply = post("/api/v1/auth/login", Map.of("userName", user, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + reply);
        }
        token = reply.json().get("token").asText();
        return this;
    }

    Reply get(String path) throws IOException {
        return send(authorized(path).GET());
    }

    Reply post(String path, Object body) throws IOException {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply put(String path, Object body) throws IOException {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply postRaw(String path, String contentType, String body) throws IOException {
        return send(
                authorized(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a body without a Content-Length, as a chunked stream. */
    Reply postChunked(String path, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(authorized(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    Reply patch(String path, String ifMatch, Object body) throws IOException {
        HttpRequest.Builder request = authorized(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** Uploads a file to the importer and waits until the job has finished. */
    JsonNode importFile(Path file, String query) throws IOException, InterruptedException {
        String name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        Reply started = send(authorized("/api/v1/imports?fileName=" + name + "&" + query)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)));
        if (started.status() != 202) {
            throw new IllegalStateException("Import not started: " + started);
        }
        return awaitJob(started.json().get("id").asText());
    }

    JsonNode awaitJob(String id) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = get("/api/v1/imports/" + id).json();
            if (!job.get("state").asText().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Import " + id + " did not finish within 10 minutes");
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), type, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
