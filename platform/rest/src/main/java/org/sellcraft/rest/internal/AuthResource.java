package org.sellcraft.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.Session;
import org.sellcraft.api.service.ValidationException;

/** Sign in, sign out, and who am I. */
@Component(service = RestResource.class)
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource implements RestResource {

    private final IdentityService identities;

    @Activate
    public AuthResource(@Reference IdentityService identities) {
        this.identities = identities;
    }

    /** The body of a sign-in. */
    public record Credentials(String userName, String password) {}

    /** Signs in with {@code {"userName": ..., "password": ...}} and returns a bearer token. */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> login(Credentials credentials, @Context HttpServletRequest request) {
        if (credentials == null
                || credentials.userName() == null
                || credentials.userName().isBlank()) {
            throw new ValidationException("userName", null, "is required");
        }
        if (credentials.password() == null) {
            throw new ValidationException("password", null, "is required");
        }
        Session session =
                identities.login(credentials.userName(), credentials.password().toCharArray(), request.getRemoteAddr());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", session.token());
        json.put("expiresAt", session.expiresAt());
        json.put("user", callerJson(session.caller()));
        return json;
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.SIGNED_IN)
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // A partner system signed in by API key has no session to end.
        if (authorization != null && authorization.startsWith("Bearer ")) {
            identities.logout(authorization.substring("Bearer ".length()).trim());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.SIGNED_IN)
    public Map<String, Object> me(@Context SecurityContext security) {
        return callerJson(CallerPrincipal.of(security));
    }

    private static Map<String, Object> callerJson(Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", caller.userId());
        json.put("userName", caller.userName());
        json.put("roles", caller.roles());
        if (caller.partnerId() != null) {
            json.put("partnerId", caller.partnerId());
        }
        return json;
    }
}
