package org.sellcraft.web.internal;

import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * The console's customer page and opportunity views, each in one answer. They read through the record service as
 * the caller, so they show exactly what the caller may see; changes go through the records API.
 */
@Component(service = RestResource.class)
@Path("v1/web")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST})
public class ViewsResource implements RestResource {

    private final RecordService records;
    private final Dashboards summaries;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HealthService health;

    @Activate
    public ViewsResource(@Reference RecordService records, @Reference Dashboards summaries) {
        this.records = records;
        this.summaries = summaries;
    }

    /**
     * A customer with its orders (newest first), revenue by month, the products it bought, its opportunities and
     * activities. 404 when the account does not exist or the caller may not see it.
     */
    @GET
    @Path("customers/{id}")
    public Map<String, Object> customer(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = Callers.of(security);
        Record account = records.get(caller, SalesTypes.ACCOUNT, id);

        Map<String, Object> json = new CustomerView(
                        RecordSource.of(records, caller), summaries.orderIds(caller, account.id()))
                .of(account);
        HealthService engine = health;
        if (engine != null) {
            json.put("healthInstalled", true);
            engine.score(account.id()).ifPresent(score -> {
                json.put("health", HealthView.explanation(score));
                engine.recordView(account.id(), caller.userName());
            });
        }
        return json;
    }

    /** The pipeline board: every stage with its count, value and largest opportunities. */
    @GET
    @Path("pipeline")
    public Map<String, Object> pipeline(
            @QueryParam("q") String text,
            @QueryParam("ownerId") String ownerId,
            @QueryParam("perStage") @DefaultValue("20") int perStage,
            @Context SecurityContext security) {
        check("perStage", perStage, 1, PipelineView.MAX_PER_STAGE);
        Caller caller = Callers.of(security);
        return new PipelineView(RecordSource.of(records, caller))
                .board(new PipelineView.Filter(text, null, ownerId), perStage);
    }

    /** Opportunities with the names of their account, owner and product, filtered, sorted and paged. */
    @GET
    @Path("opportunities")
    public Map<String, Object> opportunities(
            @QueryParam("q") String text,
            @QueryParam("stage") String stage,
            @QueryParam("ownerId") String ownerId,
            @QueryParam("sort") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        check("offset", offset, 0, Integer.MAX_VALUE);
        check("limit", limit, 1, PipelineView.MAX_PAGE);
        Caller caller = Callers.of(security);
        return new PipelineView(RecordSource.of(records, caller))
                .page(new PipelineView.Filter(text, stage, ownerId), sort, offset, limit);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(name, Integer.toString(value), "must be from " + min + " to " + max);
        }
    }
}
