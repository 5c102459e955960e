package org.sellcraft.api.ai;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns the facts an AI task gathered into the items of its output. Register an implementation as an OSGi service;
 * tasks choose a provider by its {@link #id()}. Whatever a provider writes is checked afterwards: every figure in it
 * must be among the facts of the request.
 */
@ConsumerType
public interface ModelProvider {

    /** Returns the provider's id, lower-case letters, digits and dashes, for example {@code grounded}. */
    String id();

    /**
     * Writes the output of one task.
     *
     * @param request the instruction, the facts, the language and the shape the output must have
     * @return the items and the points a person must confirm
     * @throws ModelException when the model cannot be reached or its reply cannot be used; the message says which
     */
    ModelReply generate(ModelRequest request);
}
