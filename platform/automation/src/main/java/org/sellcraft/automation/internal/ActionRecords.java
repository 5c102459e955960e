package org.sellcraft.automation.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.util.List;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;

/**
 * What the engine's own actions leave behind: tasks for a user or a role, and documents attached for a partner, a
 * user or a role. Each names the rule and the subject it came from. {@code partnerId} is the field the access
 * policy's partner scope reads, so a partner's users see what was attached for them.
 */
final class ActionRecords {

    static final String TASK = "automation-task";
    static final String DOCUMENT = "attached-document";

    static final RecordType TASK_TYPE = new RecordType(
            TASK,
            "tasks",
            "Task",
            "任务",
            List.of(
                    field("title", FieldKind.TEXT).required().build(),
                    field("notes", FieldKind.TEXT).build(),
                    field("assigneeUser", FieldKind.TEXT).filterable().build(),
                    field("assigneeRole", FieldKind.TEXT).filterable().build(),
                    field("partnerId", FieldKind.TEXT).filterable().build(),
                    field("status", FieldKind.TEXT)
                            .filterable()
                            .oneOf("open", "done")
                            .build(),
                    field("dueAt", FieldKind.DATETIME).filterable().build(),
                    field("createdAt", FieldKind.DATETIME).filterable().build(),
                    field("ruleId", FieldKind.TEXT).filterable().build(),
                    field("ruleVersion", FieldKind.INTEGER).build(),
                    field("subject", FieldKind.TEXT).filterable().build()),
            List.of());

    static final RecordType DOCUMENT_TYPE = new RecordType(
            DOCUMENT,
            "attached-documents",
            "Attached document",
            "附件文档",
            List.of(
                    field("title", FieldKind.TEXT).required().build(),
                    field("kind", FieldKind.TEXT)
                            .filterable()
                            .oneOf("document", "learning-pack")
                            .build(),
                    field("link", FieldKind.TEXT).build(),
                    field("text", FieldKind.TEXT).build(),
                    field("partnerId", FieldKind.TEXT).filterable().build(),
                    field("assigneeUser", FieldKind.TEXT).filterable().build(),
                    field("assigneeRole", FieldKind.TEXT).filterable().build(),
                    field("attachedAt", FieldKind.DATETIME).filterable().build(),
                    field("ruleId", FieldKind.TEXT).filterable().build(),
                    field("subject", FieldKind.TEXT).filterable().build()),
            List.of());

    private ActionRecords() {}
}
