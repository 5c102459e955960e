/** Record types, their fields and stored records. */
@Export
@Version("1.0.0")
package org.sellcraft.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
