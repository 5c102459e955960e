/** Streaming import of files: mappings, jobs, rejections. */
@Export
@Version("1.1.0")
package org.sellcraft.api.importing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
