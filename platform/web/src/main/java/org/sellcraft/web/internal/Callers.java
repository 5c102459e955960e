package org.sellcraft.web.internal;

import javax.ws.rs.core.SecurityContext;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;

/** The caller of a console view, as the REST layer authenticated it. */
final class Callers {

    private Callers() {}

    static Caller of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new AuthenticationException("Sign in first: no bearer token or API key was sent");
    }
}
