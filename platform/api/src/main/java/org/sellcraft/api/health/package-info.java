/**
 * Customer health: scores from 0 to 100 with a risk band and an explanation in English and Chinese, the factors
 * they are built from, and the extension point through which other bundles contribute factors.
 */
@Export
@Version("1.2.0")
package org.sellcraft.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
