package org.sellcraft.ecosystem.internal;

import java.util.List;
import java.util.Map;
import org.sellcraft.api.automation.ActionHandler;

/** An action with required parameters and a body that either acts or says what it would do. */
final class SimpleAction implements ActionHandler {

    /** The body of an action. */
    @FunctionalInterface
    interface Body {
        String perform(Map<String, String> parameters, boolean dryRun);
    }

    private final String type;
    private final List<String> required;
    private final Body body;

    SimpleAction(String type, List<String> required, Body body) {
        this.type = type;
        this.required = required;
        this.body = body;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void check(Map<String, String> parameters) {
        for (String name : required) {
            if (parameters.getOrDefault(name, "").isBlank()) {
                throw new IllegalArgumentException(type + " needs the parameter '" + name + "'");
            }
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
        for (String name : required) {
            if (parameters.getOrDefault(name, "").isBlank()) {
                throw new IllegalArgumentException("the parameter '" + name + "' is empty for these facts");
            }
        }
        return body.perform(parameters, dryRun);
    }
}
