package org.sellcraft.automation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;

/**
 * The signed-in user's notifications, under {@code /api/v1/notifications}: those for them and for their roles, and
 * marking one read.
 *
 * <p>Status codes: 200; 401 without a token; 404 for a notification that is not the caller's.
 */
@Component(service = RestResource.class)
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SIGNED_IN)
public class NotificationResource implements RestResource {

    private final Notifications notifications;

    @Activate
    public NotificationResource(@Reference NotificationDelivery delivery) {
        this(delivery.notifications());
    }

    NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The caller's notifications, newest first; {@code ?unread=true} for the unread ones only. */
    @GET
    public Map<String, Object> mine(
            @QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        List<Notifications.Shown> shown = notifications.mine(caller, unread, Math.max(1, Math.min(limit, 500)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unread", notifications.mine(caller, true, Integer.MAX_VALUE).size());
        json.put("items", shown.stream().map(NotificationResource::json).toList());
        return json;
    }

    /** Marks one of the caller's notifications read, for the caller only. */
    @POST
    @Path("{id}/read")
    public Map<String, Object> read(@PathParam("id") String id, @Context SecurityContext security) {
        return json(notifications.markRead(caller(security), id));
    }

    private static Map<String, Object> json(Notifications.Shown shown) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", shown.id());
        json.put("textEn", shown.textEn());
        json.put("textZh", shown.textZh());
        json.put("ruleId", shown.ruleId());
        json.put("subject", shown.subject());
        json.put("createdAt", shown.createdAt());
        json.put("read", shown.read());
        return json;
    }

    private static Caller caller(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new IllegalStateException("The request has no caller");
    }
}
