package org.sellcraft.ai.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The model server of the chat-completions provider (PID {@code org.sellcraft.ai.chat}). */
@ObjectClassDefinition(
        name = "Sellcraft AI tasks: chat-completions model server",
        description = "A server that speaks the OpenAI-compatible chat-completions protocol")
public @interface ChatConfig {

    /** The configuration's persistent id. */
    String PID = "org.sellcraft.ai.chat";

    @AttributeDefinition(
            name = "Base URL",
            description =
                    "The API's base, to which /chat/completions is added, for example https://models.example.com/v1")
    String baseUrl();

    @AttributeDefinition(name = "Model", description = "The model's name as the server knows it")
    String model();

    @AttributeDefinition(
            name = "API key",
            description = "Sent as a bearer token; empty for a server that needs none",
            type = AttributeType.PASSWORD)
    String apiKey() default "";

    @AttributeDefinition(
            name = "Timeout (seconds)",
            description = "How long one call may take before it counts as failed")
    int timeoutSeconds() default 60;

    @AttributeDefinition(
            name = "Retries",
            description = "How often a call that timed out, could not connect or got a 429 or 5xx answer is repeated")
    int retries() default 2;
}
