package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
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
import org.sellcraft.api.automation.AutomationService;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;

/**
 * The ecosystem over REST, under {@code /api/v1/ecosystem}: contract templates and signing, a partner's standing,
 * opening work orders (refused while a partner is frozen), the contribution dashboard, and the partner API gate.
 * The records themselves (partners, work orders, deliveries, surveys, joint projects, contracts) are served by the
 * platform's record endpoints under the access policy.
 *
 * <p>Status codes: 200; 201 when a contract is signed or a work order opened; 400 for an unknown template; 401
 * without a token; 403 for a role that may not; 404 for a partner the caller may not see; 409 when the partner is
 * frozen for new work orders, with the reason in English and Chinese; 422 naming a missing field; 429 when a partner
 * system exceeds its limits.
 */
@Component(service = RestResource.class)
@Path("v1/ecosystem")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SIGNED_IN)
public class EcosystemResource implements RestResource {

    private final RecordService records;
    private final Partners partners;
    private final Contracts contracts;
    private final Dashboard dashboard;
    private final PartnerGateFilter gate;

    @Activate
    public EcosystemResource(
            @Reference RecordService records,
            @Reference AutomationService automation,
            @Reference PartnerGateFilter gate) {
        this.records = records;
        this.partners = new Partners(records, Clock.systemUTC());
        this.contracts = new Contracts(records, automation, Clock.systemUTC());
        this.dashboard = new Dashboard(records);
        this.gate = gate;
    }

    /** The clause templates a contract can be signed from, with their wording in English and Chinese. */
    @GET
    @Path("contract-templates")
    public List<Map<String, Object>> templates() {
        return ContractTemplates.ALL.stream()
                .map(t -> Map.<String, Object>of("id", t.id(), "wordingEn", t.wordingEn(), "wordingZh", t.wordingZh()))
                .toList();
    }

    /**
     * Signs a contract from a template: {@code {"template": "service-satisfaction", "partnerId": "..."}}; without a
     * partner the clause applies to every partner. Its rules are saved and active at once.
     */
    @POST
    @Path("contracts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response sign(Map<String, Object> body, @Context SecurityContext security) {
        if (body == null || body.get("template") == null) {
            throw new ValidationException("template", null, "is required: one of the contract templates");
        }
        Object partner = body.get("partnerId");
        Record contract = contracts.sign(
                caller(security), body.get("template").toString(), partner == null ? null : partner.toString());
        return Response.status(201).entity(json(contract)).build();
    }

    /** A partner's standing: active, or frozen with the reason and since when. */
    @GET
    @Path("partners/{id}/standing")
    public Map<String, Object> standing(@PathParam("id") String id, @Context SecurityContext security) {
        Record partner = records.get(caller(security), EcosystemTypes.PARTNER, id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", partner.id());
        json.put("name", partner.get("name"));
        json.put("status", Partners.frozen(partner) ? EcosystemTypes.FROZEN : EcosystemTypes.ACTIVE);
        json.put("reasonEn", partner.get("frozenReasonEn"));
        json.put("reasonZh", partner.get("frozenReasonZh"));
        json.put("since", partner.get("frozenSince"));
        return json;
    }

    /** Opens a work order for a partner: {@code {"orderId": "...", "kind": "repair", "dueAt": "..."}}. */
    @POST
    @Path("partners/{id}/work-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SERVICE_PROVIDER, Roles.DEALER, Roles.LOGISTICS, Roles.SUPPLIER})
    public Response openWorkOrder(
            @PathParam("id") String id, Map<String, Object> body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException(null, null, "The request needs a JSON object with the work order's fields");
        }
        Caller caller = caller(security);
        // A partner's user asking for another partner learns nothing about it.
        records.get(caller, EcosystemTypes.PARTNER, id);
        // A frozen partner's order is refused with PartnerFrozenException: 409 with the reason, as on every path.
        return Response.status(201)
                .entity(json(partners.openWorkOrder(caller, id, body)))
                .build();
    }

    /** The joint projects the caller takes part in, each with every party's contribution, weight and share. */
    @GET
    @Path("dashboard/projects")
    public Map<String, Object> projects(@Context SecurityContext security) {
        return Map.of("items", dashboard.projects(caller(security)));
    }

    /** The ecosystem activity index: a partner sees its own; staff every partner's, or one with {@code ?partner=}. */
    @GET
    @Path("dashboard/activity")
    public Map<String, Object> activity(
            @QueryParam("partner") String partner,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        return Map.of("items", dashboard.activity(caller(security), partner, Math.max(1, Math.min(limit, 1000))));
    }

    /** Every partner system's counters and circuit. */
    @GET
    @Path("gate")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> gate() {
        return Map.of("items", gate.gate().status());
    }

    /** Restores a partner system's access before its cool-down ends; the gate audits it. */
    @POST
    @Path("gate/{partner}/reset")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Object> reset(@PathParam("partner") String partner, @Context SecurityContext security) {
        if (!gate.gate().reset(partner, caller(security).userName(), null)) {
            throw new NotFoundException("Partner '" + partner + "' has no open circuit");
        }
        return Map.of("partner", partner, "open", false);
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new IllegalStateException("The request has no caller");
    }

    private static Map<String, Object> json(Record record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("version", record.version());
        json.putAll(record.fields());
        return json;
    }
}
