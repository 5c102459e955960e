package org.sellcraft.automation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * Creates a task ({@code automation-task}, served under {@code tasks}) assigned to a user or a role, naming the rule
 * and subject it came from. Parameters: {@code title} (required), {@code user} (a user id) or {@code role},
 * {@code partner}, {@code notes}, {@code dueInDays} (a whole number of days from the evaluation).
 */
@Component(service = ActionHandler.class)
public class CreateTaskAction implements EvaluationAction {

    static final String TYPE = "create-task";

    private final RecordService records;
    private final Clock clock;

    @Activate
    public CreateTaskAction(@Reference RecordService records) {
        this(records, Clock.systemUTC());
    }

    CreateTaskAction(RecordService records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(Map<String, String> parameters) {
        if (parameters.getOrDefault("title", "").isBlank()) {
            throw new IllegalArgumentException(TYPE + " needs a 'title'");
        }
        Recipients.check(TYPE, parameters, false);
        String due = parameters.get("dueInDays");
        if (due != null && !due.contains("{") && !due.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(
                    TYPE + " needs 'dueInDays' as a whole number of days; got '" + due + "'");
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Context context, boolean dryRun) {
        String title = Recipients.value(parameters, "title");
        String user = Recipients.value(parameters, "user");
        String role = Recipients.value(parameters, "role");
        if (title == null || (user == null && role == null)) {
            throw new IllegalArgumentException("the task's title or assignee is empty for these facts");
        }
        String due = Recipients.value(parameters, "dueInDays");
        Instant dueAt = due == null ? null : clock.instant().plus(Duration.ofDays(Long.parseLong(due)));
        String line = "create task '" + title + "' for " + (user != null ? "user " + user : "role " + role)
                + (dueAt == null ? "" : ", due " + dueAt);
        if (dryRun) {
            return line;
        }
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", title);
        task.put("notes", Recipients.value(parameters, "notes"));
        task.put("assigneeUser", user);
        task.put("assigneeRole", role);
        task.put("partnerId", Recipients.value(parameters, "partner"));
        task.put("status", "open");
        task.put("dueAt", dueAt);
        task.put("createdAt", clock.instant());
        task.put("ruleId", context.ruleId());
        task.put("ruleVersion", context.ruleVersion());
        task.put("subject", context.subject());
        return line + " ("
                + records.create(Caller.system(), ActionRecords.TASK, task).id() + ")";
    }
}
