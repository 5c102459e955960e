package org.sellcraft.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.security.UserAccount;

/**
 * What the console's frame needs: who is signed in and the menu of the pages they may open. Administrators manage
 * modules through the module service's own resource, {@code /api/v1/modules}.
 */
@Component(service = RestResource.class)
@Path("v1/web")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource implements RestResource {

    private final IdentityService identities;
    private final Contributions contributions;

    @Activate
    public ConsoleResource(@Reference IdentityService identities, @Reference Contributions contributions) {
        this.identities = identities;
        this.contributions = contributions;
    }

    /** The signed-in user and the menu entries of the pages they may see, in menu order. */
    @GET
    @Path("menu")
    @RolesAllowed({
        Roles.ADMIN,
        Roles.MANAGER,
        Roles.REP,
        Roles.ANALYST,
        Roles.DEALER,
        Roles.SERVICE_PROVIDER,
        Roles.LOGISTICS,
        Roles.SUPPLIER,
        Roles.CONTRACTOR
    })
    public Map<String, Object> menu(@Context SecurityContext security) {
        Caller caller = Callers.of(security);

        List<Map<String, Object>> items = new ArrayList<>();
        for (Contributions.Page page : contributions.visibleTo(caller)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", page.id());
            item.put("labels", page.contribution().labels());
            item.put("icon", page.contribution().icon());
            item.put("order", page.contribution().order());
            item.put(
                    "script",
                    "/console/modules/" + page.id() + "/" + page.contribution().script());
            items.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", userJson(caller));
        json.put("items", items);
        json.put("roles", Roles.ALL);
        return json;
    }

    private Map<String, Object> userJson(Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", caller.userId());
        json.put("userName", caller.userName());
        json.put(
                "displayName",
                identities.users().stream()
                        .filter(user -> user.userName().equals(caller.userName()))
                        .map(UserAccount::displayName)
                        .filter(name -> name != null && !name.isBlank())
                        .findFirst()
                        .orElse(caller.userName()));
        json.put("roles", caller.roles().stream().sorted().toList());
        return json;
    }
}
