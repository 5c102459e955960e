package org.sellcraft.modules.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.module.ModuleChange;
import org.sellcraft.api.module.ModuleException;
import org.sellcraft.api.module.ModuleInfo;
import org.sellcraft.api.module.ModuleService;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;

/**
 * Modules and editions for administrators. An operation answers when it has finished, with what it installed and
 * uninstalled and how long it took. Refusals are problem documents: 404 for an unknown module, 409 when installed
 * modules need it (the {@code dependants} member names them), when it is not installed, or while another operation
 * runs; 500 when the feature service failed, with its reason.
 */
@Component(service = RestResource.class)
@Path("v1/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ModulesResource implements RestResource {

    private static final String PROBLEM = "application/problem+json";

    private final ModuleService modules;

    @Activate
    public ModulesResource(@Reference ModuleService modules) {
        this.modules = modules;
    }

    /** Every module and edition, installed or not, with what it needs and which installed modules need it. */
    @GET
    public Map<String, Object> list() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", modules.edition());
        json.put("editions", modules.editions());
        json.put("items", modules.modules().stream().map(ModulesResource::json).toList());
        return json;
    }

    @GET
    @Path("{name}")
    public Response module(@PathParam("name") String name) {
        return modules.module(name)
                .map(info -> Response.ok(json(info)).build())
                .orElseGet(() -> problem(
                        404,
                        "Not Found",
                        "unknown-module",
                        "There is no Sellcraft module named '" + name + "'",
                        List.of()));
    }

    @POST
    @Path("{name}/install")
    public Response install(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = caller(security);
        return perform(() -> modules.install(caller, name));
    }

    @POST
    @Path("{name}/uninstall")
    public Response uninstall(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = caller(security);
        return perform(() -> modules.uninstall(caller, name));
    }

    @POST
    @Path("{name}/update")
    public Response update(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = caller(security);
        return perform(() -> modules.update(caller, name));
    }

    /** The edition running and the editions there are. */
    @GET
    @Path("edition")
    public Map<String, Object> edition() {
        return Map.of("edition", modules.edition(), "editions", modules.editions());
    }

    /** Switches edition: body {@code {"edition":"midsize"}}. */
    @PUT
    @Path("edition")
    public Response switchEdition(Map<String, Object> body, @Context SecurityContext security) {
        Caller caller = caller(security);
        Object edition = body == null ? null : body.get("edition");
        if (!(edition instanceof String name) || name.isBlank()) {
            return problem(400, "Bad Request", "bad-request", "Name the edition: {\"edition\":\"midsize\"}", List.of());
        }
        return perform(() -> modules.switchEdition(caller, name.trim()));
    }

    private static Response perform(java.util.function.Supplier<ModuleChange> operation) {
        try {
            return Response.ok(json(operation.get())).build();
        } catch (ModuleException e) {
            return switch (e.reason()) {
                case UNKNOWN -> problem(404, "Not Found", "unknown-module", e.getMessage(), List.of());
                case REQUIRED -> problem(409, "Conflict", "module-required", e.getMessage(), e.dependants());
                case NOT_INSTALLED -> problem(409, "Conflict", "module-not-installed", e.getMessage(), List.of());
                case BUSY -> problem(409, "Conflict", "module-operation-running", e.getMessage(), List.of());
                case FAILED -> problem(500, "Internal Server Error", "module-failed", e.getMessage(), List.of());
            };
        }
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new AuthenticationException("Sign in first: no bearer token or API key was sent");
    }

    static Map<String, Object> json(ModuleInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.name());
        json.put("version", info.version());
        json.put("description", info.description());
        json.put("state", info.state().label());
        json.put("installed", info.installed());
        json.put("edition", info.edition());
        json.put("requires", info.requires());
        json.put("requiredBy", info.requiredBy());
        return json;
    }

    static Map<String, Object> json(ModuleChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", change.operation());
        json.put("target", change.target());
        json.put("installed", change.installed());
        json.put("uninstalled", change.uninstalled());
        json.put("tookMs", change.took().toMillis());
        if (change.module() != null) {
            json.put("module", json(change.module()));
        }
        return json;
    }

    static Response problem(int status, String title, String kind, String detail, List<String> dependants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://sellcraft.org/problems/" + kind);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!dependants.isEmpty()) {
            body.put("dependants", dependants);
        }
        return Response.status(status).type(PROBLEM).entity(body).build();
    }
}
