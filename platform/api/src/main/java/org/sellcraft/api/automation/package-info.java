/**
 * Automation: rules with a trigger (a record event or a schedule), a condition in a sandboxed expression language
 * and actions; the log of their evaluations; and the extension points through which bundles contribute actions
 * and the facts that scheduled rules judge.
 */
@Export
@Version("1.1.0")
package org.sellcraft.api.automation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
