package org.sellcraft.rest.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import javax.annotation.Priority;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces who may call each operation, and denies by default: an operation that declares neither
 * {@code @RolesAllowed}, {@code @PermitAll} nor {@code @DenyAll} (on itself or its class) answers 403 to everyone,
 * so a new endpoint cannot ship unprotected. An anonymous caller of a protected operation gets 401, a signed-in
 * caller without one of its roles 403.
 */
final class AccessDeclarations implements DynamicFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AccessDeclarations.class);
    private static final String JERSEY_PACKAGE = "org.glassfish.jersey.";

    /** Returns whether the operation, or its class, says who may call it. */
    static boolean isDeclared(Method method) {
        return declares(method) || declares(method.getDeclaringClass());
    }

    private static boolean declares(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.getDeclaringClass().getName().startsWith(JERSEY_PACKAGE)) {
            // Jersey's own answers to OPTIONS list a resource's methods; the bearer filter still guards them.
            return;
        }
        AnnotatedElement declaring = declares(method) ? method : method.getDeclaringClass();
        if (!isDeclared(method)) {
            LOG.warn(
                    "Operation {}.{} declares no access rule; it is denied to everyone",
                    method.getDeclaringClass().getName(),
                    method.getName());
            context.register(new Deny("This operation declares no access rule"));
        } else if (declaring.isAnnotationPresent(DenyAll.class)) {
            context.register(new Deny("Nobody may call this operation"));
        } else if (declaring.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RequireRole(
                    List.of(declaring.getAnnotation(RolesAllowed.class).value())));
        }
    }

    /** Refuses every call. */
    @Priority(Priorities.AUTHORIZATION)
    private record Deny(String detail) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            request.abortWith(Problems.of(Response.Status.FORBIDDEN, "forbidden", detail));
        }
    }

    /** Lets through a signed-in caller who holds one of the roles. */
    @Priority(Priorities.AUTHORIZATION)
    private record RequireRole(List<String> roles) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                Response problem = Problems.of(
                        Response.Status.UNAUTHORIZED,
                        "unauthenticated",
                        "Sign in first: send the token from /api/v1/auth/login as 'Authorization: Bearer <token>'");
                request.abortWith(Response.fromResponse(problem)
                        .header("WWW-Authenticate", "Bearer realm=\"sellcraft\"")
                        .build());
            } else if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problems.of(
                        Response.Status.FORBIDDEN,
                        "forbidden",
                        "Your role may not call this operation; it needs one of " + Arrays.toString(roles.toArray())));
            }
        }
    }
}
