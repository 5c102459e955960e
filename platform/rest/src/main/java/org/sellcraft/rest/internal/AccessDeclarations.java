package org.sellcraft.rest.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Denies by default: an operation that declares neither {@code @RolesAllowed}, {@code @PermitAll} nor
 * {@code @DenyAll} (on itself or its class) answers 403 to everyone, so a new endpoint cannot ship unprotected.
 * The declared ones are enforced by Jersey's {@code RolesAllowedDynamicFeature}.
 */
final class AccessDeclarations implements DynamicFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AccessDeclarations.class);

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
        if (isDeclared(method)) {
            return;
        }
        LOG.warn(
                "Operation {}.{} declares no access rule; it is denied to everyone",
                method.getDeclaringClass().getName(),
                method.getName());
        context.register((javax.ws.rs.container.ContainerRequestFilter) request -> request.abortWith(
                Problems.of(Response.Status.FORBIDDEN, "undeclared-access", "This operation declares no access rule")));
    }
}
