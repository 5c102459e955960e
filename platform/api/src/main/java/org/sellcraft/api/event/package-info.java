/** Event topics the platform publishes. */
@Export
@Version("1.0.0")
package org.sellcraft.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
