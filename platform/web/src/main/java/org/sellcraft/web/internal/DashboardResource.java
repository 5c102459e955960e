package org.sellcraft.web.internal;

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
import org.sellcraft.api.security.Roles;

/** The home dashboard of the signed-in user, in one answer. */
@Component(service = RestResource.class)
@Path("v1/web/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST})
public class DashboardResource implements RestResource {

    private final Dashboards dashboards;

    @Activate
    public DashboardResource(@Reference Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /**
     * Revenue and won value by month, the pipeline by stage, the win rate, the top accounts and sales by region and
     * month, over the records the caller may see.
     */
    @GET
    public Map<String, Object> dashboard(@Context SecurityContext security) {
        return dashboards.of(Callers.of(security));
    }
}
