/**
 * AI tasks: the model provider interface through which gathered facts become text. The platform ships a
 * deterministic template provider and one for the OpenAI-compatible chat-completions protocol; other bundles may
 * contribute their own providers as services.
 */
@Export
@Version("1.0.0")
package org.sellcraft.api.ai;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
