package org.sellcraft.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelException;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.ai.ModelRequest;

/** The chat-completions provider against a small server in the test that speaks the protocol. */
class ChatCompletionsProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Fact> FACTS = List.of(
            new Fact("12347", "cycle.1.days", "54", "health figures"),
            new Fact("12347", "spend", "4310.00", "health figures"));
    private static final ModelRequest REQUEST = new ModelRequest(
            "renewal-talk-tracks", "Write one talk track.", "en", FACTS, List.of("title", "text"), 1, 0);

    private HttpServer server;
    private final ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();
    private final List<String> authorizations = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    /** What the server answers to each call in turn: a status and a body, or a delay in ms when the status is 0. */
    private final List<Object[]> script = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(JSON.readTree(exchange.getRequestBody()));
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        Object[] step = script.get(Math.min(calls.getAndIncrement(), script.size() - 1));
        int status = (int) step[0];
        if (status == 0) {
            try {
                release.await((long) step[1], TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        byte[] body = ((String) step[step.length - 1]).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String completion(String content) throws IOException {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        return JSON.writeValueAsString(Map.of(
                "id", "c-1", "object", "chat.completion", "choices", List.of(Map.of("index", 0, "message", message))));
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    static ChatCompletionsProvider provider(String baseUrl, int timeoutSeconds, int retries) {
        Map<String, Object> values = new HashMap<>();
        values.put("baseUrl", baseUrl);
        values.put("model", "sales-7b");
        values.put("apiKey", "sk-test");
        values.put("timeoutSeconds", timeoutSeconds);
        values.put("retries", retries);
        ChatConfig config = (ChatConfig) Proxy.newProxyInstance(
                ChatConfig.class.getClassLoader(),
                new Class<?>[] {ChatConfig.class},
                (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
        return new ChatCompletionsProvider(config);
    }

    @Test
    void sendsTheFactsAndReadsTheItemsOfAJsonReply() throws IOException {
        String content = "```json\n{\"items\": [{\"title\": \"Keep the rhythm\", \"text\": \"Orders came 54 days"
                + " apart and totalled 4,310.00.\"}], \"confirmations\": []}\n```";
        script.add(new Object[] {200, completion(content)});

        ModelReply reply = provider(base(), 5, 0).generate(REQUEST);

        assertEquals(1, reply.items().size());
        assertEquals("Keep the rhythm", reply.items().get(0).get("title"));
        assertEquals("sales-7b", reply.model());
        assertEquals(1, reply.attempts());
        assertTrue(Checks.grounding(reply, FACTS).passed());
        JsonNode sent = received.peek();
        assertEquals("sales-7b", sent.path("model").asText());
        assertEquals("system", sent.path("messages").path(0).path("role").asText());
        assertTrue(sent.path("messages").path(1).path("content").asText().contains("12347 | cycle.1.days | 54"));
        assertEquals("Bearer sk-test", authorizations.get(0));
    }

    @Test
    void aFigureTheModelMadeUpFailsGrounding() throws IOException {
        script.add(new Object[] {
            200, completion("{\"items\": [{\"title\": \"Rhythm\", \"text\": \"Orders came 45 days apart.\"}]}")
        });

        ModelReply reply = provider(base(), 5, 0).generate(REQUEST);

        Checks.Result grounding = Checks.grounding(reply, FACTS);
        assertFalse(grounding.passed());
        assertEquals("figures not among the facts: 45", grounding.detail());
    }

    @Test
    void aSlowServerTimesOutAfterItsRetriesWithAClearError() {
        script.add(new Object[] {0, 5_000L, "{}"});

        ModelException error =
                assertThrows(ModelException.class, () -> provider(base(), 1, 1).generate(REQUEST));

        assertEquals(
                "The model server at " + base() + "/chat/completions did not answer within 1 s (2 attempts)",
                error.getMessage());
        assertEquals(2, calls.get());
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondAnswerUsed() throws IOException {
        script.add(new Object[] {503, "overloaded"});
        script.add(new Object[] {200, completion("{\"items\": [{\"title\": \"A\", \"text\": \"B\"}]}")});

        ModelReply reply = provider(base(), 5, 2).generate(REQUEST);

        assertEquals(2, reply.attempts());
        assertEquals("B", reply.items().get(0).get("text"));
    }

    @Test
    void malformedRepliesAreRefusedSayingWhy() throws IOException {
        script.add(new Object[] {200, "<html>gateway</html>"});
        ModelException notJson =
                assertThrows(ModelException.class, () -> provider(base(), 5, 0).generate(REQUEST));
        assertEquals(
                "The model server at " + base() + "/chat/completions sent a reply that cannot be used: it is not"
                        + " valid JSON (JsonParseException)",
                notJson.getMessage());

        script.set(0, new Object[] {200, completion("Here are your talk tracks: ...")});
        ModelException prose =
                assertThrows(ModelException.class, () -> provider(base(), 5, 0).generate(REQUEST));
        assertTrue(prose.getMessage().endsWith("it is not valid JSON (JsonParseException)"), prose.getMessage());

        script.set(0, new Object[] {200, completion("{\"tracks\": []}")});
        ModelException noItems =
                assertThrows(ModelException.class, () -> provider(base(), 5, 0).generate(REQUEST));
        assertTrue(noItems.getMessage().endsWith("the content has no 'items' array"), noItems.getMessage());

        script.set(0, new Object[] {200, "{\"choices\": []}"});
        ModelException noChoice =
                assertThrows(ModelException.class, () -> provider(base(), 5, 0).generate(REQUEST));
        assertTrue(noChoice.getMessage().endsWith("it has no choices[0].message.content"), noChoice.getMessage());
    }

    @Test
    void aRefusedKeyIsNotRetried() {
        script.add(new Object[] {401, "{\"error\": {\"message\": \"invalid api key\"}}"});

        ModelException error =
                assertThrows(ModelException.class, () -> provider(base(), 5, 3).generate(REQUEST));

        assertEquals(
                "The model server at " + base() + "/chat/completions answered HTTP 401: {\"error\": {\"message\":"
                        + " \"invalid api key\"}}",
                error.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void aServerThatIsDownCannotBeReached() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port + "/v1";

        ModelException error =
                assertThrows(ModelException.class, () -> provider(down, 2, 1).generate(REQUEST));

        assertEquals(
                "The model server at " + down + "/chat/completions cannot be reached (ConnectException) (2 attempts)",
                error.getMessage());
    }

    @Test
    void aBaseUrlThatIsNoUrlIsRefusedAtConfiguration() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> provider("models.local", 5, 0));
        assertEquals("Chat model server: baseUrl 'models.local' is not an http or https URL", error.getMessage());
    }
}
