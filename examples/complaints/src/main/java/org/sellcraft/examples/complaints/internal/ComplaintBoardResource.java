package org.sellcraft.examples.complaints.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.CallerHolder;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * {@code GET /api/v1/complaint-board}: the customers with open complaints, the most urgent first (high complaints,
 * then open ones, then the oldest). It reads through the record service as the caller, so a rep's board holds only
 * the complaints they may see. Status codes: 200, 401 without a token, 403 for a partner role.
 */
@Component(service = RestResource.class)
@Path("v1/complaint-board")
@Produces(MediaType.APPLICATION_JSON)
public class ComplaintBoardResource implements RestResource {

    private final RecordService records;

    @Activate
    public ComplaintBoardResource(@Reference RecordService records) {
        this.records = records;
    }

    /** One line per customer with open complaints. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST})
    public List<Map<String, Object>> board(@Context SecurityContext security) {
        Caller caller = callerOf(security);
        Map<String, List<Record>> openByAccount = new HashMap<>();
        records.forEach(caller, ComplaintType.NAME, complaint -> {
            if (ComplaintType.OPEN.equals(complaint.get("status"))) {
                openByAccount
                        .computeIfAbsent(String.valueOf(complaint.get("accountId")), a -> new ArrayList<>())
                        .add(complaint);
            }
        });

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> lines = new ArrayList<>();
        openByAccount.forEach((accountId, open) -> lines.add(line(caller, accountId, open, today)));
        lines.sort(Comparator.comparing((Map<String, Object> line) -> (Long) line.get("high"))
                .thenComparing(line -> (Integer) line.get("open"))
                .thenComparing(line -> (Long) line.get("oldestDays"))
                .reversed()
                .thenComparing(line -> String.valueOf(line.get("accountId"))));
        return lines;
    }

    private Map<String, Object> line(Caller caller, String accountId, List<Record> open, LocalDate today) {
        LocalDate oldest = open.stream()
                .map(complaint -> (LocalDate) complaint.get("openedOn"))
                .min(Comparator.naturalOrder())
                .orElse(today);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("accountId", accountId);
        line.put("accountName", accountName(caller, accountId));
        line.put("open", open.size());
        line.put(
                "high",
                open.stream()
                        .filter(complaint -> ComplaintType.HIGH.equals(complaint.get("severity")))
                        .count());
        line.put("oldestOpenedOn", oldest.toString());
        line.put("oldestDays", ChronoUnit.DAYS.between(oldest, today));
        line.put(
                "references",
                open.stream().map(complaint -> complaint.get("reference")).toList());
        return line;
    }

    /** The customer's name, or null when the caller may not see the account itself. */
    private String accountName(Caller caller, String accountId) {
        try {
            Object name = records.get(caller, "account", accountId).get("name");
            return name == null ? null : name.toString();
        } catch (RecordNotFoundException e) {
            return null;
        }
    }

    private static Caller callerOf(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerHolder holder) {
            return holder.caller();
        }
        throw new AuthenticationException("Sign in first");
    }
}
