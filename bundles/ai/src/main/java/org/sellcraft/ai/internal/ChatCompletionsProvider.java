package org.sellcraft.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelException;
import org.sellcraft.api.ai.ModelProvider;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.ai.ModelRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider for any server that speaks the OpenAI-compatible chat-completions protocol, so that a company can use
 * its own model server. It exists only while its configuration names a server. The model is asked for a JSON object
 * with the items and the points to confirm; a reply that is not one is refused with a message saying why.
 */
@Component(
        service = ModelProvider.class,
        configurationPid = ChatConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChatConfig.class)
public class ChatCompletionsProvider implements ModelProvider {

    static final String ID = "chat";

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsProvider.class);
    private static final long BACKOFF_MS = 250;

    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final int retries;
    private final HttpClient http;

    @Activate
    public ChatCompletionsProvider(ChatConfig config) {
        if (config.baseUrl() == null || !config.baseUrl().matches("https?://.+")) {
            throw new IllegalArgumentException(
                    "Chat model server: baseUrl '" + config.baseUrl() + "' is not an http or https URL");
        }
        if (config.model() == null || config.model().isBlank()) {
            throw new IllegalArgumentException("Chat model server: a model name is required");
        }
        String base = config.baseUrl().endsWith("/") ? config.baseUrl() : config.baseUrl() + "/";
        this.endpoint = URI.create(base).resolve("chat/completions");
        this.model = config.model().trim();
        this.apiKey = config.apiKey() == null ? "" : config.apiKey().trim();
        this.timeout = Duration.ofSeconds(Math.max(1, config.timeoutSeconds()));
        this.retries = Math.max(0, config.retries());
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelReply generate(ModelRequest request) {
        String body = body(request);
        String lastFailure = null;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            try {
                HttpResponse<String> response = http.send(call(body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return reply(response.body(), attempt);
                }
                lastFailure = "answered HTTP " + status + ": " + snippet(response.body());
                if (status != 429 && status < 500) {
                    throw new ModelException("The model server at " + endpoint + " " + lastFailure);
                }
            } catch (HttpTimeoutException e) {
                lastFailure = "did not answer within " + timeout.toSeconds() + " s";
            } catch (ConnectException e) {
                lastFailure = "cannot be reached (" + e.getClass().getSimpleName() + ")";
            } catch (IOException e) {
                lastFailure = "failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelException("The call to the model server at " + endpoint + " was interrupted");
            }
            LOG.debug("Model server '{}' {} (attempt {} of {})", endpoint, lastFailure, attempt, retries + 1);
            pause(attempt);
        }
        int attempts = retries + 1;
        throw new ModelException("The model server at " + endpoint + " " + lastFailure + " (" + attempts
                + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    private HttpRequest call(String body) {
        HttpRequest.Builder call = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!apiKey.isEmpty()) {
            call.header("Authorization", "Bearer " + apiKey);
        }
        return call.build();
    }

    private void pause(int attempt) {
        if (attempt > retries) {
            return;
        }
        try {
            Thread.sleep(BACKOFF_MS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String body(ModelRequest request) {
        ObjectNode root = json.createObjectNode();
        root.put("model", model);
        root.put("temperature", 0.2);
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", system(request));
        StringBuilder facts = new StringBuilder("Facts (subject | key | value):\n");
        for (Fact fact : request.facts()) {
            facts.append(fact.subject())
                    .append(" | ")
                    .append(fact.key())
                    .append(" | ")
                    .append(fact.value())
                    .append('\n');
        }
        messages.addObject().put("role", "user").put("content", request.instruction() + "\n\n" + facts);
        return root.toString();
    }

    private static String system(ModelRequest request) {
        String language = request.chinese() ? "simplified Chinese" : "English";
        String count = request.items() > 0 ? "exactly " + request.items() : "one per subject of the facts";
        return "You help a sales rep. Write in " + language + ". Use only the facts given; write no figure, date or"
                + " amount that is not among them. Answer with one JSON object and nothing else: {\"items\": [...],"
                + " \"confirmations\": [...]}. items holds " + count + " objects with the string fields "
                + request.fields() + ". confirmations holds " + request.confirmations()
                + " short statements the rep must confirm.";
    }

    private ModelReply reply(String body, int attempts) {
        JsonNode content;
        try {
            JsonNode root = json.readTree(body);
            JsonNode text = root.path("choices").path(0).path("message").path("content");
            if (!text.isTextual()) {
                throw unusable("it has no choices[0].message.content");
            }
            content = json.readTree(stripFences(text.asText()));
        } catch (IOException e) {
            throw unusable("it is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode items = content.path("items");
        if (!items.isArray()) {
            throw unusable("the content has no 'items' array");
        }
        List<Map<String, String>> parsed = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw unusable("an item is not an object");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(
                        field.getKey(),
                        field.getValue().isTextual()
                                ? field.getValue().asText()
                                : field.getValue().toString());
            }
            parsed.add(fields);
        }
        List<String> confirmations = new ArrayList<>();
        content.path("confirmations").forEach(c -> confirmations.add(c.asText()));
        return new ModelReply(parsed, confirmations, model, attempts);
    }

    private ModelException unusable(String why) {
        return new ModelException("The model server at " + endpoint + " sent a reply that cannot be used: " + why);
    }

    /** Models often wrap JSON in a Markdown code fence although asked not to. */
    private static String stripFences(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            int start = trimmed.indexOf('\n');
            int end = trimmed.lastIndexOf("```");
            if (start > 0 && end > start) {
                return trimmed.substring(start + 1, end);
            }
        }
        return trimmed;
    }

    private static String snippet(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
