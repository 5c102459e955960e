package org.sellcraft.rest.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.store.RecordStore;

/** What an operator checks first: the store, its record counts and how long the platform has run. */
@Component(service = RestResource.class)
@Path("v1/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StatusResource implements RestResource {

    private final RecordStore store;

    @Activate
    public StatusResource(@Reference RecordStore store) {
        this.store = store;
    }

    @GET
    public Map<String, Object> status() {
        RecordStore.StoreStats stats = store.stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "uptime",
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())
                        .toString());
        json.put("store", stats.backend());
        json.put("storeSizeBytes", stats.sizeBytes());
        json.put("records", stats.countsByType());
        return json;
    }
}
