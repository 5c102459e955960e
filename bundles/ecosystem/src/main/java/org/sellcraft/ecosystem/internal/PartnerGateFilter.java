package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AuditLog;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every request of a partner system through the {@link PartnerGate}: after authentication, before the
 * operation runs, and once more with the response to count denials. Staff callers pass untouched. It is a provider,
 * not a resource: it serves no path of its own.
 */
@Component(
        service = {RestResource.class, PartnerGateFilter.class},
        configurationPid = GateConfig.PID)
@Designate(ocd = GateConfig.class)
@Priority(Priorities.AUTHENTICATION + 100)
public class PartnerGateFilter implements RestResource, ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerGateFilter.class);

    private final PartnerGate gate;

    @Activate
    public PartnerGateFilter(
            GateConfig config,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference RecordService records,
            @Reference IdentityService identities) {
        GateAlert alert = new GateAlert(records, identities::users);
        this.gate = new PartnerGate(limits(config), Clock.systemUTC(), audit, (partner, reason) -> {
            LOG.warn("Partner '{}' is cut off the API for a cool-down: {}", partner, reason);
            alert.events(partner, reason).forEach(events::postEvent);
        });
    }

    @Modified
    void modified(GateConfig config) {
        gate.limits(limits(config));
    }

    static PartnerGate.Limits limits(GateConfig config) {
        return new PartnerGate.Limits(
                config.requestsPerMinute(),
                config.burstFactor(),
                config.baselineFloor(),
                config.deniedPerMinute(),
                config.coolDownSeconds());
    }

    PartnerGate gate() {
        return gate;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String partner = partnerOf(request);
        if (partner == null) {
            return;
        }
        PartnerGate.Refusal refusal = gate.admit(partner, null);
        if (refusal != null) {
            request.abortWith(refused(refusal));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status == 401 || status == 403 || status == 404) {
            String partner = partnerOf(request);
            if (partner != null) {
                gate.denied(partner, null);
            }
        }
    }

    static Response refused(PartnerGate.Refusal refusal) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank#" + (refusal.circuitOpen() ? "partner-circuit-open" : "rate-limited"));
        problem.put("title", "Too Many Requests");
        problem.put("status", 429);
        problem.put("detail", refusal.reason());
        problem.put("retryAfterSeconds", refusal.retryAfterSeconds());
        return Response.status(429)
                .type("application/problem+json")
                .header("Retry-After", refusal.retryAfterSeconds())
                .entity(problem)
                .build();
    }

    private static String partnerOf(ContainerRequestContext request) {
        if (request.getSecurityContext() != null
                && request.getSecurityContext().getUserPrincipal() instanceof CallerHolder holder) {
            Caller caller = holder.caller();
            return caller.partnerId();
        }
        return null;
    }
}
