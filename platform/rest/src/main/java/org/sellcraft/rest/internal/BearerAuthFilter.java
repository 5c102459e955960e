package org.sellcraft.rest.internal;

import java.security.Principal;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.Roles;

/**
 * Turns a bearer token, or a partner system's API key ({@code X-API-Key}), into the request's caller. A request
 * with neither stays anonymous, and the access declarations on the operation decide whether that is enough; a
 * token or key that is sent but not valid is refused at once. The caller carries the client's address, so that the
 * audit log records where each change and sensitive read came from.
 */
@Priority(Priorities.AUTHENTICATION)
final class BearerAuthFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";
    static final String API_KEY = "X-API-Key";

    private final IdentityService identities;

    @Context
    private HttpServletRequest servletRequest;

    BearerAuthFilter(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = request.getHeaderString(API_KEY);
        if (header == null && key == null) {
            return;
        }
        // The address the connection came from, not a forwarding header a client could write itself.
        String address = servletRequest.getRemoteAddr();
        Caller caller;
        if (key != null) {
            caller = identities.authenticateKey(key.trim(), address);
        } else {
            String token = header.startsWith(BEARER)
                    ? header.substring(BEARER.length()).trim()
                    : "";
            caller = identities.authenticate(token);
        }
        caller = caller.from(address);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller, secure));
    }

    /** The security context of a signed-in caller. */
    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return new CallerPrincipal(caller);
        }

        @Override
        public boolean isUserInRole(String role) {
            return Roles.SIGNED_IN.equals(role) || caller.hasRole(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
