/** How bundles contribute pages and menu entries to the web console. */
@Export
@Version("1.0.0")
package org.sellcraft.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
