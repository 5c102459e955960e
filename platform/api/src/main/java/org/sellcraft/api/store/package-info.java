/** The storage SPI that backends implement. */
@Export
@Version("1.0.0")
package org.sellcraft.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
