package org.sellcraft.ai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.ValidationException;

/**
 * AI tasks over REST, under {@code /api/v1/ai}: the cards and what cards can be built from, runs with their facts,
 * output and checks, sign-off, and the manager view. Staff who sell run tasks; the manager view is for managers and
 * administrators, and shows the runs of the people they may see.
 *
 * <p>Status codes: 200, 201 for a saved card or a completed run, 400 for a malformed body or parameter, 401
 * without a token, 403 for a role that may not, 404 for an unknown card or a run the caller may not see, 422 for an
 * invalid card, input or decision (the problem names the field), 502 when the model provider failed: the run is
 * kept with its facts and the error, and its id is in the problem.
 */
@Component(service = RestResource.class)
@Path("v1/ai")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class AiResource implements RestResource {

    private static final int MAX_LIMIT = 1000;
    private static final int MAX_DAYS = 366;

    private final AiService ai;
    private final ObjectMapper json = new ObjectMapper();

    @Activate
    public AiResource(@Reference AiService ai) {
        this.ai = ai;
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new AuthenticationException("Sign in first");
    }

    /** The built-in cards and those the caller may see, with their clarity scores. */
    @GET
    @Path("cards")
    public List<Map<String, Object>> cards(@Context SecurityContext security) {
        return ai.tasks().cards(caller(security)).stream().map(this::card).toList();
    }

    /** One card. */
    @GET
    @Path("cards/{id}")
    public Map<String, Object> card(@PathParam("id") String id, @Context SecurityContext security) {
        return card(ai.tasks().card(caller(security), id));
    }

    /** Saves a card the caller wrote; it is validated first and the problem names the field at fault. */
    @POST
    @Path("cards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response saveCard(Map<String, Object> body, @Context SecurityContext security) {
        TaskCard card;
        try {
            card = json.convertValue(body, TaskCard.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The card is not in the expected shape: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        Record saved = ai.tasks().saveCard(caller(security), card);
        return Response.created(URI.create("ai/cards/" + saved.get("code")))
                .entity(card(ai.tasks().card(caller(security), (String) saved.get("code"))))
                .build();
    }

    /** What cards are built from: scenarios, input kinds, data steps, templates, checks and providers. */
    @GET
    @Path("catalogue")
    public Map<String, Object> catalogue() {
        Map<String, Object> catalogue = new LinkedHashMap<>();
        catalogue.put("scenarios", TaskCard.SCENARIOS);
        catalogue.put("inputKinds", TaskCard.Input.KINDS);
        catalogue.put("steps", DataSteps.CATALOGUE);
        catalogue.put("templates", GroundedProvider.TEMPLATES);
        catalogue.put("checks", Checks.KINDS);
        catalogue.put("providers", ai.tasks().providers());
        return catalogue;
    }

    /**
     * Runs a card: {@code {"card": "renewal-talk-tracks", "inputs": {"customer": "12347"}, "language": "zh-CN",
     * "provider": "grounded", "trigger": "rep"}}. Answers 201 with the run, or 502 naming the kept run when the
     * provider failed.
     */
    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(Map<String, Object> body, @Context SecurityContext security) {
        Object card = body.get("card");
        if (!(card instanceof String)) {
            throw new ValidationException("card", String.valueOf(card), "name the card to run");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        if (body.get("inputs") instanceof Map<?, ?> given) {
            given.forEach((name, value) -> inputs.put(String.valueOf(name), value == null ? null : value.toString()));
        } else if (body.get("inputs") != null) {
            throw new ValidationException("inputs", String.valueOf(body.get("inputs")), "must be an object");
        }
        Record run = ai.tasks()
                .run(
                        caller(security),
                        (String) card,
                        inputs,
                        text(body, "language"),
                        text(body, "provider"),
                        text(body, "trigger"));
        return respond(run, Response.Status.CREATED);
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    private Response respond(Record run, Response.Status success) {
        if ("failed".equals(run.get("status"))) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://sellcraft.org/problems/model-provider-failed");
            problem.put("title", "Bad Gateway");
            problem.put("status", 502);
            problem.put("detail", run.get("error"));
            problem.put("runId", run.id());
            return Response.status(502)
                    .type("application/problem+json")
                    .entity(problem)
                    .build();
        }
        return Response.status(success).entity(run(run)).build();
    }

    /** The runs the caller may see, newest first: {@code ?card=&signOff=pending&limit=50}. */
    @GET
    @Path("runs")
    public List<Map<String, Object>> runs(
            @QueryParam("card") String card,
            @QueryParam("signOff") String signOff,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Context SecurityContext security) {
        return ai.tasks().runs(caller(security), card, signOff, number("limit", limit, 1, MAX_LIMIT)).stream()
                .map(this::run)
                .toList();
    }

    /** One run with its inputs, facts and the queries behind them, output, checks and sign-off. */
    @GET
    @Path("runs/{id}")
    public Map<String, Object> run(@PathParam("id") String id, @Context SecurityContext security) {
        return run(ai.tasks().run(caller(security), id));
    }

    /**
     * Signs off a run: {@code {"decision": "adopt"}}, {@code {"decision": "edit", "items": [...]}} or
     * {@code {"decision": "discard", "reason": "..."}}.
     */
    @POST
    @Path("runs/{id}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> signOff(
            @PathParam("id") String id, Map<String, Object> body, @Context SecurityContext security) {
        List<Map<String, String>> items = null;
        if (body.get("items") != null) {
            try {
                items = json.convertValue(body.get("items"), new TypeReference<List<Map<String, String>>>() {});
            } catch (IllegalArgumentException e) {
                throw new ValidationException("items", null, "must be a list of objects of text fields");
            }
        }
        return run(ai.tasks().signOff(caller(security), id, text(body, "decision"), items, text(body, "reason")));
    }

    /** Writes a kept run's output again from its facts: {@code {"provider": "grounded"}}. */
    @POST
    @Path("runs/{id}/regenerate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response regenerate(
            @PathParam("id") String id, Map<String, Object> body, @Context SecurityContext security) {
        return respond(
                ai.tasks().regenerate(caller(security), id, body == null ? null : text(body, "provider")),
                Response.Status.OK);
    }

    /**
     * The prompts to act on a customer that health alerts raised, which the caller may see, the latest first:
     * {@code ?status=open&limit=50}.
     */
    @GET
    @Path("prompts")
    public List<Map<String, Object>> prompts(
            @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Context SecurityContext security) {
        return ai.tasks().prompts(caller(security), status, number("limit", limit, 1, MAX_LIMIT)).stream()
                .map(prompt -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("id", prompt.id());
                    prompt.fields()
                            .forEach((field, value) ->
                                    map.put(field, value instanceof Instant instant ? instant.toString() : value));
                    return map;
                })
                .toList();
    }

    /** The manager view over the last days: {@code ?days=30}. */
    @GET
    @Path("metrics")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Map<String, Object> metrics(
            @QueryParam("days") @DefaultValue("30") String days, @Context SecurityContext security) {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(number("days", days, 1, MAX_DAYS)));
        Map<String, Object> metrics = ai.tasks().metrics(caller(security), from, to);
        metrics.put("clarityDefinition", Cards.CLARITY_DEFINITION);
        return metrics;
    }

    private Map<String, Object> card(TaskCard card) {
        Map<String, Object> map = json.convertValue(card, new TypeReference<LinkedHashMap<String, Object>>() {});
        map.put("builtIn", card.builtIn());
        map.put("clarity", Cards.clarity(card));
        return map;
    }

    private Map<String, Object> run(Record run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", run.id());
        for (String field : List.of(
                "cardId",
                "accountId",
                "userName",
                "trigger",
                "language",
                "provider",
                "model",
                "status",
                "error",
                "startedAt",
                "passed",
                "signOff",
                "signer",
                "signedBy",
                "signedAt",
                "diff",
                "discardReason")) {
            Object value = run.get(field);
            map.put(field, value instanceof Instant instant ? instant.toString() : value);
        }
        map.put("inputs", inputs(run));
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Fact fact : Runs.facts(run)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("subject", fact.subject());
            item.put("key", fact.key());
            item.put("value", fact.value());
            item.put("query", fact.query());
            facts.add(item);
        }
        map.put("facts", facts);
        map.put("output", output(Runs.reply(run, "output", "")));
        map.put("checks", Runs.checks(run));
        if (run.get("edited") != null) {
            map.put("edited", output(Runs.reply(run, "edited", "")));
        }
        return map;
    }

    private static Map<String, Object> output(ModelReply reply) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("items", reply.items());
        map.put("confirmations", reply.confirmations());
        return map;
    }

    private Map<String, String> inputs(Record run) {
        Object inputs = run.get("inputs");
        if (inputs == null) {
            return Map.of();
        }
        try {
            return json.readValue(inputs.toString(), new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The inputs of run '" + run.id() + "' cannot be read", e);
        }
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new IllegalArgumentException(
                        "Parameter '" + name + "' must be between " + min + " and " + max + ", not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' must be a whole number, not '" + value + "'");
        }
    }
}
