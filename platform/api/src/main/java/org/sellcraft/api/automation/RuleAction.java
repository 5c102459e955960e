package org.sellcraft.api.automation;

import java.util.Map;
import java.util.Objects;

/**
 * One action a rule takes when its condition holds.
 *
 * @param type the {@link ActionHandler#type()} that performs it, for example {@code freeze-partner}
 * @param parameters its settings; a value may hold {@code {fact}} placeholders, filled from the evaluation's facts
 */
public record RuleAction(String type, Map<String, String> parameters) {

    public RuleAction {
        Objects.requireNonNull(type, "type");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
