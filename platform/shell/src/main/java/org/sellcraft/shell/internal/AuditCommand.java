package org.sellcraft.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.security.AuditEntry;
import org.sellcraft.api.security.AuditLog;

/** Shows the audit log, newest first. */
@Service
@Command(scope = "sellcraft", name = "audit", description = "Show the audit log, newest first")
public class AuditCommand implements Action {

    @Option(name = "--actor", description = "Only this user's entries")
    String actor;

    @Option(name = "--action", description = "Only this action, for example login-failed or permission-changed")
    String action;

    @Option(name = "--since", description = "Only entries from this moment on (ISO 8601)")
    String since;

    @Option(name = "--limit", description = "How many entries at most")
    int limit = 50;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        Instant from = since == null ? null : Instant.parse(since);
        System.out.printf("%-24s %-16s %-20s %-40s %s%n", "AT", "ACTOR", "ACTION", "TARGET", "DETAIL");
        for (AuditEntry entry : audit.query(actor, action, from, null, limit)) {
            System.out.printf(
                    "%-24s %-16s %-20s %-40s %s%n",
                    entry.at(),
                    entry.actor(),
                    entry.action(),
                    entry.target() == null ? "" : entry.target(),
                    entry.detail() == null ? "" : entry.detail());
        }
        return null;
    }
}
