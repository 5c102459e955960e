/**
 * Sellcraft's modules and editions: which capabilities this server has, and installing, updating and removing them
 * while it runs.
 */
@Export
@Version("1.0.0")
package org.sellcraft.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
