package org.sellcraft.ecosystem.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The limits of partner systems on the API (PID {@value #PID}). */
@ObjectClassDefinition(
        name = "Sellcraft partner API limits",
        description = "Rate limit and circuit breaker of partner systems calling the API with their keys")
public @interface GateConfig {

    String PID = "org.sellcraft.ecosystem.gate";

    @AttributeDefinition(
            name = "Requests per minute",
            description = "Requests one partner may make in a minute; more are answered 429 until the minute ends")
    int requestsPerMinute() default 600;

    @AttributeDefinition(
            name = "Burst factor",
            description = "Access is cut when a minute's requests exceed this many times the partner's usual rate")
    double burstFactor() default 10;

    @AttributeDefinition(
            name = "Least usual rate",
            description = "The usual requests per minute assumed at least, so that a quiet partner's first busy "
                    + "minute is not taken for a burst")
    double baselineFloor() default 20;

    @AttributeDefinition(
            name = "Denied requests per minute",
            description = "Access is cut when more of a partner's requests than this are denied (401, 403, 404) "
                    + "within a minute")
    int deniedPerMinute() default 30;

    @AttributeDefinition(name = "Cool-down in seconds", description = "How long access stays cut")
    int coolDownSeconds() default 300;
}
