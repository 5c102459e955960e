package org.sellcraft.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.ApiKey;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.IssuedKey;
import org.sellcraft.api.security.RecordScope;
import org.sellcraft.api.security.RolePolicy;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.ValidationException;

/** For administrators: the access policy, API keys and the audit log. */
@Component(service = RestResource.class)
@Path("v1/security")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SecurityResource implements RestResource {

    private static final int MAX_AUDIT = 1000;

    private final AccessPolicy policy;
    private final AuditLog audit;
    private final IdentityService identities;

    @Activate
    public SecurityResource(
            @Reference AccessPolicy policy, @Reference AuditLog audit, @Reference IdentityService identities) {
        this.policy = policy;
        this.audit = audit;
        this.identities = identities;
    }

    /** What a new key is for and whom it acts as. */
    public record KeyRequest(String userName, String name) {}

    /** A role's policy as sent to change it; the role is named in the path. */
    public record PolicyBody(
            RecordScope scope,
            Map<String, RecordScope> scopes,
            Set<FieldClass> hiddenFields,
            Set<FieldClass> maskedFields,
            Map<String, Set<Action>> actions) {}

    @GET
    @Path("policy")
    public List<RolePolicy> policy() {
        return policy.roles();
    }

    /** Replaces one role's policy; the change is audited. */
    @PUT
    @Path("policy/{role}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RolePolicy changePolicy(@PathParam("role") String role, PolicyBody body, @Context SecurityContext security) {
        if (body == null || body.scope() == null) {
            throw new ValidationException("scope", null, "is required");
        }
        RolePolicy named = new RolePolicy(
                role, body.scope(), body.scopes(), body.hiddenFields(), body.maskedFields(), body.actions());
        return policy.update(CallerPrincipal.of(security), named);
    }

    @GET
    @Path("keys")
    public List<ApiKey> keys() {
        return identities.keys();
    }

    /** Makes a key; its secret is in this answer and nowhere else, ever. */
    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createKey(KeyRequest request, @Context SecurityContext security) {
        if (request == null || request.userName() == null) {
            throw new ValidationException("userName", null, "is required: the user whose roles the key carries");
        }
        IssuedKey issued = identities.createKey(CallerPrincipal.of(security), request.userName(), request.name());
        return Response.created(URI.create("v1/security/keys/" + issued.key().id()))
                .entity(issued)
                .build();
    }

    @POST
    @Path("keys/{id}/rotate")
    public IssuedKey rotateKey(@PathParam("id") String id, @Context SecurityContext security) {
        return identities.rotateKey(CallerPrincipal.of(security), id);
    }

    @POST
    @Path("keys/{id}/revoke")
    public ApiKey revokeKey(@PathParam("id") String id, @Context SecurityContext security) {
        return identities.revokeKey(CallerPrincipal.of(security), id);
    }

    /** Audit entries, newest first: {@code ?actor=&action=&from=&to=&limit=}. */
    @GET
    @Path("audit")
    public List<AuditEntry> audit(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_AUDIT) {
            throw new ValidationException(
                    "limit", String.valueOf(limit), "must be a whole number from 1 to " + MAX_AUDIT);
        }
        return audit.query(actor, action, instant("from", from), instant("to", to), max);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, value, "must be an ISO 8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
