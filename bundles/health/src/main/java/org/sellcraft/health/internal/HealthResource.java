package org.sellcraft.health.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.health.HealthAlert;
import org.sellcraft.api.health.HealthBand;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.health.HealthSettings;
import org.sellcraft.api.health.SegmentSummary;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * Customer health over REST, under {@code /api/v1/health}: one customer's score with its explanation and history,
 * lists by band, score, change and value at stake, segment summaries, alerts, and the configuration. Staff who
 * read records may read health; only administrators change the configuration or start a recomputation.
 *
 * <p>Status codes: 200, 202 when a configuration change is accepted, 400 for a malformed parameter, 401 without
 * a token, 403 for a role that may not, 404 for a customer without a score or outside the caller's scope, 422 for
 * an invalid setting (the problem names it), 503 while the engine builds its state after a start.
 */
@Component(service = RestResource.class)
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST})
public class HealthResource implements RestResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    private static final int TOP = 10;

    private final HealthService health;
    private final RecordService records;
    private final AccessPolicy policy;
    private final ConfigurationAdmin configurations;

    @Activate
    public HealthResource(
            @Reference HealthService health,
            @Reference RecordService records,
            @Reference AccessPolicy policy,
            @Reference ConfigurationAdmin configurations) {
        this.health = health;
        this.records = records;
        this.policy = policy;
        this.configurations = configurations;
    }

    /** One customer: score, band, explanation in English and Chinese, history and alert. */
    @GET
    @Path("customers/{customer}")
    public Map<String, Object> customer(@PathParam("customer") String customer, @Context SecurityContext security) {
        requireReady();
        Caller caller = callerOf(security);
        HealthScore score = health.score(customer)
                .filter(found -> VisibleCustomers.includes(records, policy, caller, found.accountId()))
                .orElseThrow(() -> unknown(customer));

        if (!caller.isSystem()) {
            health.recordView(score.accountId(), caller.userName());
        }
        Map<String, Object> json = HealthJson.score(score);
        health.history(score.accountId()).ifPresent(history -> json.put("history", HealthJson.history(history)));
        health.alert(score.accountId()).ifPresent(alert -> json.put("alert", HealthJson.alert(alert)));
        return json;
    }

    /**
     * Scored customers: {@code ?band=at-risk&region=North&sort=-valueAtStake&offset=0&limit=50}. Sort by
     * {@code score}, {@code change} (ascending puts the steepest drops first), {@code valueAtStake} or
     * {@code recency}; a leading {@code -} sorts from the largest down.
     */
    @GET
    @Path("customers")
    public Map<String, Object> customers(
            @QueryParam("band") String band,
            @QueryParam("minScore") @DefaultValue("0") String minScore,
            @QueryParam("maxScore") @DefaultValue("100") String maxScore,
            @QueryParam("sort") @DefaultValue("score") String sort,
            @QueryParam("offset") @DefaultValue("0") String offset,
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        requireReady();
        Map<String, String> dimensions = new HashMap<>();
        for (String dimension : HealthService.DIMENSIONS) {
            String value = uri.getQueryParameters().getFirst(dimension);
            if (value != null) {
                dimensions.put(dimension, value);
            }
        }
        HealthQuery query = new HealthQuery(
                band == null || band.isBlank() ? null : HealthBand.of(band),
                number("minScore", minScore, 0, 100),
                number("maxScore", maxScore, 0, 100),
                dimensions,
                sortOf(sort),
                sort.startsWith("-"),
                number("offset", offset, 0, Integer.MAX_VALUE),
                number("limit", limit, 1, MAX_LIMIT));
        VisibleCustomers visible = VisibleCustomers.of(records, policy, callerOf(security));
        return HealthJson.page(visible.all() ? health.list(query) : Segments.list(visible.scores(health), query));
    }

    /** The distribution of scores per region, owner, channel, segment or country: {@code ?by=region}. */
    @GET
    @Path("segments")
    public Map<String, Object> segments(
            @QueryParam("by") @DefaultValue("region") String dimension, @Context SecurityContext security) {
        requireReady();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dimension", dimension);
        json.put(
                "segments",
                segments(VisibleCustomers.of(records, policy, callerOf(security)), dimension).stream()
                        .map(HealthJson::segment)
                        .toList());
        return json;
    }

    private List<SegmentSummary> segments(VisibleCustomers visible, String dimension) {
        return visible.all() ? health.segments(dimension) : Segments.summaries(visible.scores(health), dimension);
    }

    /** The overview: bands, the steepest drops, the top at-risk customers by value at stake, alert response. */
    @GET
    @Path("summary")
    public Map<String, Object> summary(@Context SecurityContext security) {
        requireReady();
        VisibleCustomers visible = VisibleCustomers.of(records, policy, callerOf(security));
        List<HealthScore> scores = visible.all() ? null : visible.scores(health);
        Function<HealthQuery, Page<HealthScore>> list =
                query -> scores == null ? health.list(query) : Segments.list(scores, query);

        Page<HealthScore> all = list.apply(HealthQuery.all(1));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", all.total());
        json.put("asOf", all.items().isEmpty() ? null : all.items().get(0).asOf());
        json.put("overall", overall(segments(visible, "channel")));
        json.put(
                "steepestDrops",
                HealthJson.items(
                        list.apply(new HealthQuery(null, 0, 100, Map.of(), HealthQuery.Sort.CHANGE, false, 0, TOP))));
        json.put(
                "topAtRisk",
                HealthJson.items(list.apply(new HealthQuery(
                        HealthBand.AT_RISK, 0, 100, Map.of(), HealthQuery.Sort.VALUE_AT_STAKE, true, 0, TOP))));
        json.put("alerts", HealthJson.alertStats(alerts(visible, false)));
        return json;
    }

    private static Map<String, Object> overall(List<SegmentSummary> segments) {
        Map<String, Integer> bands = new LinkedHashMap<>();
        for (HealthBand band : HealthBand.values()) {
            bands.put(band.id(), 0);
        }
        double[] atStake = {0};
        segments.forEach(segment -> {
            segment.bands().forEach((band, count) -> bands.merge(band, count, Integer::sum));
            atStake[0] += segment.valueAtStake();
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bands", bands);
        json.put("valueAtStake", atStake[0]);
        return json;
    }

    /** Alerts, newest first: {@code ?open=true} leaves out customers who recovered. */
    @GET
    @Path("alerts")
    public Map<String, Object> alerts(
            @QueryParam("open") @DefaultValue("false") boolean openOnly, @Context SecurityContext security) {
        requireReady();
        List<HealthAlert> alerts = alerts(VisibleCustomers.of(records, policy, callerOf(security)), openOnly);
        Map<String, Object> json = HealthJson.alertStats(alerts);
        json.put("items", alerts.stream().map(HealthJson::alert).toList());
        return json;
    }

    private List<HealthAlert> alerts(VisibleCustomers visible, boolean openOnly) {
        return health.alerts(openOnly).stream()
                .filter(alert -> visible.contains(alert.accountId()))
                .toList();
    }

    /** The configuration in force and the factors with their weights. */
    @GET
    @Path("config")
    public Map<String, Object> config() {
        return HealthJson.config(health.settings(), health.factors());
    }

    /**
     * Changes settings: any of {@code referenceDate}, {@code zone}, {@code windowDays}, {@code recentDays},
     * {@code changeDays}, {@code healthyFrom}, {@code watchFrom}, {@code churnedAfterDays}, {@code weights} (an
     * object of factor weights, merged with the current ones) and {@code nonProductCodes}. Answers 202: every
     * customer is rescored in the background.
     */
    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response changeConfig(Map<String, Object> body) throws IOException {
        if (body == null) {
            throw new ValidationException(null, null, "The request needs a JSON object of settings");
        }
        HealthSettings changed = Settings.merge(health.settings(), body);

        Configuration configuration = configurations.getConfiguration(HealthConfig.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        for (Map.Entry<String, Object> entry : Settings.toProperties(changed).entrySet()) {
            properties.put(entry.getKey(), entry.getValue());
        }
        configuration.update(properties);
        return Response.accepted(HealthJson.config(changed, factorsUnder(changed)))
                .build();
    }

    /** The factors with the weights of the accepted settings, which the engine takes up in the background. */
    private List<HealthService.FactorInfo> factorsUnder(HealthSettings changed) {
        return health.factors().stream()
                .map(factor -> new HealthService.FactorInfo(
                        factor.name(),
                        factor.label(),
                        changed.weights().getOrDefault(factor.name(), factor.weight()),
                        factor.builtIn()))
                .toList();
    }

    /** The engine's measurements: customers held, live update times, the last full recomputation. */
    @GET
    @Path("stats")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    public Map<String, Object> stats() {
        HealthService.EngineStats stats = health.stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", stats.customers());
        json.put("orderUpdates", stats.orderUpdates());
        json.put("updateMedianMicros", stats.updateMedianMicros());
        json.put("updateP99Micros", stats.updateP99Micros());
        HealthService.Recomputation last = stats.lastRecomputation();
        json.put(
                "lastRecomputation",
                last == null
                        ? null
                        : Map.of("customers", last.customers(), "orders", last.orders(), "millis", last.millis()));
        return json;
    }

    /** Scores every customer again; {@code ?rebuild=true} reads every order from the store first. */
    @POST
    @Path("recompute")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> recompute(@QueryParam("rebuild") @DefaultValue("false") boolean rebuild) {
        requireReady();
        HealthService.Recomputation done = health.recompute(rebuild);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customers", done.customers());
        json.put("orders", done.orders());
        json.put("millis", done.millis());
        return json;
    }

    private static Caller callerOf(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new NotAuthorizedException("Bearer");
    }

    private void requireReady() {
        if (!health.ready()) {
            throw new ServiceUnavailableException("Customer health is being built after a start; try again shortly");
        }
    }

    private static NotFoundException unknown(String customer) {
        return new NotFoundException(
                "No health score for customer '" + customer + "': unknown, or no purchase recorded yet");
    }

    private static HealthQuery.Sort sortOf(String sort) {
        String field = sort.startsWith("-") ? sort.substring(1) : sort;
        return switch (field) {
            case "score" -> HealthQuery.Sort.SCORE;
            case "change" -> HealthQuery.Sort.CHANGE;
            case "valueAtStake" -> HealthQuery.Sort.VALUE_AT_STAKE;
            case "recency" -> HealthQuery.Sort.RECENCY;
            default -> throw new ValidationException(
                    "sort", sort, "must be score, change, valueAtStake or recency, with an optional leading -");
        };
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw new ValidationException(name, value, "must be a whole number from " + min + " to " + max);
    }
}
