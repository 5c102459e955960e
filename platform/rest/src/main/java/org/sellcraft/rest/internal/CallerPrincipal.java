package org.sellcraft.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;

/** The signed-in caller as JAX-RS sees it. */
public record CallerPrincipal(Caller caller) implements Principal, CallerHolder {

    @Override
    public String getName() {
        return caller.userName();
    }

    /** Returns the caller of the current request; operations that reach here are never anonymous. */
    public static Caller of(SecurityContext context) {
        if (context.getUserPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        throw new AuthenticationException("Sign in first: no bearer token was sent");
    }
}
