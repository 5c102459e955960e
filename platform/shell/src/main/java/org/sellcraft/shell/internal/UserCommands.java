package org.sellcraft.shell.internal;

import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.sellcraft.api.security.IdentityService;
import org.sellcraft.api.security.NewUser;
import org.sellcraft.api.security.UserAccount;

/** User administration from the console. */
final class UserCommands {

    private UserCommands() {}

    @Service
    @Command(scope = "sellcraft", name = "user-add", description = "Create a user; the password is asked for")
    public static class Add implements Action {

        @Argument(index = 0, name = "userName", required = true)
        String userName;

        @Option(name = "--role", aliases = "-r", multiValued = true, required = true, description = "A role to hold")
        java.util.List<String> roles;

        @Option(name = "--name", description = "The name shown on pages")
        String displayName;

        @Option(
                name = "--partner",
                aliases = "-p",
                description = "The partner organisation of a partner user; required with a partner role")
        String partnerId;

        @Option(
                name = "--region",
                multiValued = true,
                description = "A region a partner user works in; without one they see every region of their partner")
        java.util.List<String> regionIds;

        @Option(name = "--person", description = "The id of the rep or manager record this user is")
        String personId;

        @Reference
        IdentityService identities;

        @Reference
        Session session;

        @Override
        public Object execute() throws Exception {
            String password = session.readLine("Password for " + userName + ": ", '*');
            NewUser newUser = new NewUser(
                    userName,
                    displayName,
                    password.toCharArray(),
                    Set.copyOf(roles),
                    partnerId,
                    personId,
                    regionIds == null ? Set.of() : Set.copyOf(regionIds));
            UserAccount user = identities.createUser(ConsoleCaller.current(), newUser);
            System.out.println("Created " + user.userName() + " with roles " + user.roles());
            return null;
        }
    }

    @Service
    @Command(scope = "sellcraft", name = "user-list", description = "List users and their roles")
    public static class ListUsers implements Action {

        @Reference
        IdentityService identities;

        @Override
        public Object execute() {
            System.out.printf("%-24s %-8s %-30s %s%n", "USER", "ENABLED", "ROLES", "PARTNER");
            for (UserAccount user : identities.users()) {
                System.out.printf(
                        "%-24s %-8s %-30s %s%n",
                        user.userName(),
                        user.enabled() ? "yes" : "no",
                        String.join(",", user.roles()),
                        user.partnerId() == null ? "" : user.partnerId());
            }
            return null;
        }
    }

    @Service
    @Command(scope = "sellcraft", name = "user-roles", description = "Give a user other roles; their sessions end")
    public static class ChangeRoles implements Action {

        @Argument(index = 0, name = "userName", required = true)
        String userName;

        @Option(name = "--role", aliases = "-r", multiValued = true, required = true, description = "A role to hold")
        java.util.List<String> roles;

        @Reference
        IdentityService identities;

        @Override
        public Object execute() {
            UserAccount user = identities.changeRoles(ConsoleCaller.current(), userName, Set.copyOf(roles));
            System.out.println(user.userName() + " now holds " + user.roles());
            return null;
        }
    }

    @Service
    @Command(scope = "sellcraft", name = "user-disable", description = "Disable a user and end their sessions")
    public static class Disable implements Action {

        @Argument(index = 0, name = "userName", required = true)
        String userName;

        @Reference
        IdentityService identities;

        @Override
        public Object execute() {
            identities.disableUser(ConsoleCaller.current(), userName);
            System.out.println("Disabled " + userName);
            return null;
        }
    }
}
