package org.sellcraft.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
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
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.NewUser;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.UserAccount;
import org.sellcraft.api.service.ValidationException;

/** Users and their roles, for administrators. */
@Component(service = RestResource.class)
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource implements RestResource {

    private final IdentityService identities;

    @Activate
    public UserResource(@Reference IdentityService identities) {
        this.identities = identities;
    }

    /** The body that creates a user. */
    public record UserBody(
            String userName,
            String displayName,
            String password,
            Set<String> roles,
            String partnerId,
            String personId,
            Set<String> regionIds) {}

    @GET
    public List<UserAccount> list() {
        return identities.users();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserBody user, @Context SecurityContext security) {
        if (user == null || user.password() == null) {
            throw new ValidationException("password", null, "is required");
        }
        NewUser newUser = new NewUser(
                user.userName(),
                user.displayName(),
                user.password().toCharArray(),
                user.roles(),
                user.partnerId(),
                user.personId(),
                user.regionIds());
        UserAccount created = identities.createUser(CallerPrincipal.of(security), newUser);
        return Response.created(URI.create("v1/users/" + created.userName()))
                .entity(created)
                .build();
    }

    /** The roles a user should hold from now on. */
    public record RolesBody(Set<String> roles) {}

    @PUT
    @Path("{userName}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserAccount changeRoles(
            @PathParam("userName") String userName, RolesBody body, @Context SecurityContext security) {
        if (body == null || body.roles() == null) {
            throw new ValidationException("roles", null, "is required");
        }
        return identities.changeRoles(CallerPrincipal.of(security), userName, body.roles());
    }

    @POST
    @Path("{userName}/disable")
    public UserAccount disable(@PathParam("userName") String userName, @Context SecurityContext security) {
        return identities.disableUser(CallerPrincipal.of(security), userName);
    }
}
