/**
 * How bundles contribute REST resources. The package uses {@code javax.annotation.security}: a contributing bundle
 * and the REST bundle always see the same {@code @RolesAllowed}.
 */
@Export(uses = "javax.annotation.security")
@Version("1.0.1")
package org.sellcraft.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
