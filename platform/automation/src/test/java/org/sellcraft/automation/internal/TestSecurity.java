package org.sellcraft.automation.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;

/** A request's security context for a caller, as the REST layer makes it, for calling resources directly. */
final class TestSecurity {

    private TestSecurity() {}

    private record Holder(Caller caller) implements Principal, CallerHolder {
        @Override
        public String getName() {
            return caller.userName();
        }
    }

    static SecurityContext as(Caller caller) {
        Holder holder = new Holder(caller);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return holder;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.hasRole(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}
