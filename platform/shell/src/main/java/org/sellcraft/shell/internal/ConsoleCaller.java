package org.sellcraft.shell.internal;

import java.util.Set;
import org.apache.karaf.shell.support.ShellUtil;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;

/**
 * The person at the console, as the platform's services and its audit log see them. Karaf runs every command as
 * the JAAS subject of the shell session, and only administrators may run Sellcraft's commands
 * ({@code karaf.secured.command.compulsory.roles}), so the caller holds the admin role under the console user's
 * name.
 */
final class ConsoleCaller {

    /** Named when a command runs without a JAAS subject, as a command run from a script at start-up does. */
    static final String UNKNOWN_USER = "console";

    private ConsoleCaller() {}

    static Caller current() {
        String user = ShellUtil.getCurrentUserName();
        String name = user == null || user.isBlank() ? UNKNOWN_USER : user;
        return new Caller("console:" + name, name, Set.of(Roles.ADMIN));
    }
}
