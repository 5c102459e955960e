/** The core sales record types. */
@Export
@Version("1.1.0")
package org.sellcraft.api.sales;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
