package org.sellcraft.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks a JAX-RS resource that a bundle contributes to the REST API. Register the resource object as an OSGi
 * service of this interface; the platform serves it under {@code /api/v1} while the service exists. Every
 * operation must declare who may call it with {@code @RolesAllowed} or {@code @PermitAll}.
 */
@ConsumerType
public interface RestResource {}
