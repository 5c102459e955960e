/** How bundles contribute REST resources. */
@Export
@Version("1.0.0")
package org.sellcraft.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
