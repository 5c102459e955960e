/** The record service: validated, versioned, access-checked reads and writes. */
@Export
@Version("1.2.0")
package org.sellcraft.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
