package org.sellcraft.automation.internal;

import java.util.Map;
import org.sellcraft.api.security.Roles;

/** Who a task, document or notification is for: a user, a role or a partner organisation, named by parameters. */
final class Recipients {

    private Recipients() {}

    /**
     * Refuses parameters that name nobody, or a role that does not exist.
     *
     * @param action the action's type, for the message
     * @param partnerToo whether a {@code partner} is a recipient as well
     */
    static void check(String action, Map<String, String> parameters, boolean partnerToo) {
        String role = parameters.getOrDefault("role", "");
        boolean named = !role.isBlank()
                || !parameters.getOrDefault("user", "").isBlank()
                || (partnerToo && !parameters.getOrDefault("partner", "").isBlank());
        if (!named) {
            throw new IllegalArgumentException(
                    action + " needs a 'user' or a 'role'" + (partnerToo ? " or a 'partner'" : "") + " to go to");
        }
        if (!role.isBlank() && !role.contains("{") && !Roles.ALL.contains(role)) {
            throw new IllegalArgumentException(action + " needs a 'role' of " + Roles.ALL + "; got '" + role + "'");
        }
    }

    /** The value of a parameter, or {@code null} when it is absent or empty once filled. */
    static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
