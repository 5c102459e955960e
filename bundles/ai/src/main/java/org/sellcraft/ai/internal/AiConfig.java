package org.sellcraft.ai.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How AI tasks run (PID {@code org.sellcraft.ai}). */
@ObjectClassDefinition(name = "Sellcraft AI tasks", description = "Providers and data rules of AI tasks")
public @interface AiConfig {

    /** The configuration's persistent id. */
    String PID = "org.sellcraft.ai";

    @AttributeDefinition(
            name = "Default provider",
            description = "The model provider a run uses when it names none: 'grounded' (built in, no network) or"
                    + " 'chat' (the configured chat-completions server)")
    String defaultProvider() default "grounded";

    @AttributeDefinition(name = "Time zone", description = "The zone in which order times become days")
    String zone() default "UTC";

    @AttributeDefinition(
            name = "Non-product stock codes",
            description = "Stock codes that are not products (postage, fees, vouchers), left out of categories,"
                    + " spend and products; a trailing * matches any ending")
    String nonProductCodes() default "POST, DOT, M, C2, D, S, B, BANK CHARGES, AMAZONFEE, CRUK, gift_0001_*";
}
