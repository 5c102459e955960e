package org.sellcraft.api.ai;

/** A provider could not write the output: the model server is down, slow or answered something unusable. */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
