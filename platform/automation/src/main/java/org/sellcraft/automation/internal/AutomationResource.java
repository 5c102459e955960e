package org.sellcraft.automation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.sellcraft.api.automation.AutomationService;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.RuleSyntaxException;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.ValidationException;

/**
 * Rules over REST, under {@code /api/v1/automation}: list and read rules with their versions and evaluations, save
 * a rule (a new version each time), try a rule over past data, and run a schedule over a period.
 *
 * <p>Status codes: 200; 201 when a rule's first version is saved; 401 without a token; 403 for a role that may not;
 * 404 for an unknown rule; 422 naming the field of a malformed rule, and with {@code line} and {@code column} when a
 * condition does not parse.
 */
@Component(service = RestResource.class)
@Path("v1/automation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ANALYST})
public class AutomationResource implements RestResource {

    private final AutomationService automation;

    @Activate
    public AutomationResource(@Reference AutomationService automation) {
        this.automation = automation;
    }

    /** Every rule in its current version, and the action types that can be used. */
    @GET
    @Path("rules")
    public Map<String, Object> rules() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "items",
                automation.rules().stream().map(AutomationResource::json).toList());
        json.put("actionTypes", automation.actionTypes());
        return json;
    }

    /** One rule: the current version and every earlier one. */
    @GET
    @Path("rules/{id}")
    public Map<String, Object> rule(@PathParam("id") String id) {
        Rule rule = automation.rule(id).orElseThrow(() -> unknown(id));
        Map<String, Object> json = json(rule);
        json.put(
                "versions",
                automation.versions(id).stream().map(AutomationResource::json).toList());
        return json;
    }

    /**
     * Saves a rule as a new version. Body: {@code name}, {@code description}, {@code trigger} ({@code kind} EVENT
     * with {@code recordType}, {@code action}, {@code dateField}, or SCHEDULE with {@code schedule} and
     * {@code factSource}; optional {@code subjectField} and {@code subjectValue}), {@code condition},
     * {@code actions} (a list of {@code type} and {@code parameters}) and {@code active}.
     */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response save(@PathParam("id") String id, Map<String, Object> body, @Context SecurityContext security) {
        Rule draft = parse(id, body);
        try {
            Rule saved = automation.save(caller(security), draft);
            return Response.status(saved.version() == 1 ? 201 : 200)
                    .entity(json(saved))
                    .build();
        } catch (RuleSyntaxException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank#rule-syntax");
            problem.put("title", "Unprocessable Entity");
            problem.put("status", 422);
            problem.put("detail", e.getMessage());
            problem.put("field", "condition");
            problem.put("line", e.line());
            problem.put("column", e.column());
            return Response.status(422)
                    .type("application/problem+json")
                    .entity(problem)
                    .build();
        }
    }

    /** The newest evaluations of a rule, with their inputs, result and actions. */
    @GET
    @Path("rules/{id}/evaluations")
    public Map<String, Object> evaluations(
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("50") int limit) {
        automation.rule(id).orElseThrow(() -> unknown(id));
        return Map.of(
                "items",
                automation.evaluations(id, Math.max(1, Math.min(limit, 500))).stream()
                        .map(AutomationResource::json)
                        .toList());
    }

    /** What a saved rule would have done between {@code from} and {@code to} (exclusive), changing nothing. */
    @POST
    @Path("rules/{id}/dry-run")
    public Map<String, Object> dryRun(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context SecurityContext security) {
        Rule rule = automation.rule(id).orElseThrow(() -> unknown(id));
        List<Evaluation> found = automation.dryRun(caller(security), rule, date("from", from), date("to", to));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", id);
        json.put("version", rule.version());
        json.put("firings", found.stream().filter(Evaluation::matched).count());
        json.put("failures", found.stream().filter(e -> e.error() != null).count());
        json.put("items", found.stream().map(AutomationResource::json).toList());
        return json;
    }

    /** Runs the rules of a schedule ({@code monthly} or {@code daily}) over one period, and acts. */
    @POST
    @Path("schedules/{schedule}/run")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> run(
            @PathParam("schedule") String schedule,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context SecurityContext security) {
        Trigger.Schedule which;
        try {
            which = Trigger.Schedule.valueOf(schedule.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("schedule", schedule, "must be monthly or daily");
        }
        List<Evaluation> done = automation.runSchedule(caller(security), which, date("from", from), date("to", to));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("evaluations", done.size());
        json.put("firings", done.stream().filter(Evaluation::matched).count());
        json.put(
                "items",
                done.stream()
                        .filter(Evaluation::matched)
                        .map(AutomationResource::json)
                        .toList());
        return json;
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new IllegalStateException("The request has no caller");
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, value, "is required, as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, value, "must be a date as yyyy-MM-dd");
        }
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("No rule '" + id + "'");
    }

    @SuppressWarnings("unchecked")
    private static Rule parse(String id, Map<String, Object> body) {
        if (body == null) {
            throw new ValidationException(null, null, "The request needs a JSON object describing the rule");
        }
        if (!(body.get("trigger") instanceof Map<?, ?> t)) {
            throw new ValidationException("trigger", null, "is required: an object with kind EVENT or SCHEDULE");
        }
        Map<String, Object> trigger = (Map<String, Object>) t;
        Trigger parsed;
        try {
            String schedule = text(trigger, "schedule");
            parsed = new Trigger(
                    Trigger.Kind.valueOf(String.valueOf(trigger.get("kind")).toUpperCase(java.util.Locale.ROOT)),
                    text(trigger, "recordType"),
                    text(trigger, "action"),
                    schedule == null ? null : Trigger.Schedule.valueOf(schedule.toUpperCase(java.util.Locale.ROOT)),
                    text(trigger, "factSource"),
                    text(trigger, "subjectField"),
                    text(trigger, "subjectValue"),
                    text(trigger, "dateField"));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("trigger", String.valueOf(trigger), e.getMessage());
        }
        List<RuleAction> actions = new ArrayList<>();
        if (body.get("actions") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> a) || a.get("type") == null) {
                    throw new ValidationException("actions", String.valueOf(item), "each needs a type");
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                if (a.get("parameters") instanceof Map<?, ?> p) {
                    p.forEach((k, v) -> parameters.put(String.valueOf(k), String.valueOf(v)));
                }
                actions.add(new RuleAction(String.valueOf(a.get("type")), parameters));
            }
        }
        String condition = text(body, "condition");
        if (condition == null) {
            throw new ValidationException("condition", null, "is required");
        }
        return new Rule(
                id,
                0,
                text(body, "name"),
                text(body, "description"),
                parsed,
                condition,
                actions,
                !Boolean.FALSE.equals(body.get("active")),
                null,
                null);
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    static Map<String, Object> json(Rule rule) {
        Trigger t = rule.trigger();
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("kind", t.kind().name());
        trigger.put("recordType", t.recordType());
        trigger.put("action", t.action());
        trigger.put("schedule", t.schedule() == null ? null : t.schedule().name());
        trigger.put("factSource", t.factSource());
        trigger.put("subjectField", t.subjectField());
        trigger.put("subjectValue", t.subjectValue());
        trigger.put("dateField", t.dateField());
        trigger.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("version", rule.version());
        json.put("name", rule.name());
        json.put("description", rule.description());
        json.put("trigger", trigger);
        json.put("condition", rule.condition());
        json.put(
                "actions",
                rule.actions().stream()
                        .map(a -> Map.of("type", a.type(), "parameters", a.parameters()))
                        .toList());
        json.put("active", rule.active());
        json.put("savedBy", rule.savedBy());
        json.put("savedAt", rule.savedAt());
        return json;
    }

    static Map<String, Object> json(Evaluation evaluation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", evaluation.ruleId());
        json.put("ruleVersion", evaluation.ruleVersion());
        json.put("at", evaluation.at());
        json.put("cause", evaluation.cause());
        json.put("subject", evaluation.subject());
        Map<String, Object> facts = new LinkedHashMap<>();
        evaluation.facts().forEach((k, v) -> {
            if (v != null) {
                facts.put(k, v instanceof List<?> ? "(" + ((List<?>) v).size() + " lines)" : v);
            }
        });
        json.put("facts", facts);
        json.put("matched", evaluation.matched());
        json.put("actions", evaluation.actions());
        json.put("error", evaluation.error());
        json.put("dryRun", evaluation.dryRun());
        return json;
    }
}
