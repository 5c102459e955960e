/** Callers, roles, identities, sessions, API keys, the access policy and the audit log. */
@Export
@Version("1.3.0")
package org.sellcraft.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
