package org.sellcraft.automation.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.sellcraft.api.automation.ActionHandler;

/**
 * Calls a webhook: an HTTP POST of the evaluation as JSON (rule, version, time, cause, subject and facts) to an
 * {@code http} or {@code https} address. Redirects are not followed, and the call gives up after its timeout, so a
 * slow or failing receiver costs the rule at most that long; any answer but 2xx fails the action, and the failure
 * is kept in the evaluation. Parameters: {@code url} (required), {@code timeoutSeconds} (1 to 30, 5 by default).
 */
@Component(service = ActionHandler.class)
public class WebhookAction implements EvaluationAction {

    static final String TYPE = "call-webhook";
    static final int DEFAULT_TIMEOUT_SECONDS = 5;
    static final int MAX_TIMEOUT_SECONDS = 30;

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS))
            .build();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(Map<String, String> parameters) {
        String url = parameters.get("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(TYPE + " needs a 'url'");
        }
        if (!url.contains("{")) {
            checkUrl(TYPE, "url", url);
        }
        timeout(parameters);
    }

    /**
     * Refuses an address that is not an absolute {@code http} or {@code https} address with a host.
     *
     * @throws IllegalArgumentException naming the action, the parameter and the address
     */
    static URI checkUrl(String action, String parameter, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    action + " needs '" + parameter + "' as an http or https address; got '" + value + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    action + " needs '" + parameter + "' as an http or https address; got '" + value + "'");
        }
        return uri;
    }

    private static Duration timeout(Map<String, String> parameters) {
        String given = parameters.get("timeoutSeconds");
        if (given == null || given.isBlank()) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        }
        int seconds;
        try {
            seconds = Integer.parseInt(given.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    TYPE + " needs 'timeoutSeconds' from 1 to " + MAX_TIMEOUT_SECONDS + "; got '" + given + "'");
        }
        return Duration.ofSeconds(seconds);
    }

    @Override
    public String perform(Map<String, String> parameters, Context context, boolean dryRun) {
        URI url = checkUrl(TYPE, "url", parameters.getOrDefault("url", ""));
        Duration timeout = timeout(parameters);
        if (dryRun) {
            return "POST the evaluation to " + url;
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload(context), StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("no answer from " + url + " within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new IllegalStateException("could not reach " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + url, e);
        }
        if (status / 100 != 2) {
            String why = status / 100 == 3 ? " (redirects are not followed)" : "";
            throw new IllegalStateException(url + " answered " + status + why);
        }
        return "POST the evaluation to " + url + ": " + status;
    }

    /** The evaluation as JSON. */
    static String payload(Context context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ruleId", context.ruleId());
        body.put("ruleVersion", context.ruleVersion());
        body.put("at", context.at());
        body.put("cause", context.cause());
        body.put("subject", context.subject());
        body.put("facts", context.facts());
        return Json.write(body);
    }
}
