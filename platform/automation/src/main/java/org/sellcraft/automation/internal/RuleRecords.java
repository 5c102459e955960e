package org.sellcraft.automation.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;

/**
 * Rules and evaluations as records, so that they survive restarts and an uninstall of the engine. Every saved
 * version of a rule is its own record (key: rule id and version); evaluations whose condition held or that failed
 * are kept as records too, the others only in memory.
 */
final class RuleRecords {

    static final String RULE = "automation-rule";
    static final String EVALUATION = "rule-evaluation";
    static final String RUN = "automation-run";

    static final RecordType RULE_TYPE = new RecordType(
            RULE,
            "automation-rules",
            "Automation rule",
            "自动化规则",
            List.of(
                    field("ruleId", FieldKind.TEXT).required().filterable().build(),
                    field("version", FieldKind.INTEGER).required().filterable().build(),
                    field("name", FieldKind.TEXT).build(),
                    field("description", FieldKind.TEXT).build(),
                    field("triggerKind", FieldKind.TEXT).required().build(),
                    field("recordType", FieldKind.TEXT).build(),
                    field("action", FieldKind.TEXT).build(),
                    field("schedule", FieldKind.TEXT).build(),
                    field("factSource", FieldKind.TEXT).build(),
                    field("subjectField", FieldKind.TEXT).build(),
                    field("subjectValue", FieldKind.TEXT).build(),
                    field("dateField", FieldKind.TEXT).build(),
                    field("condition", FieldKind.TEXT).required().build(),
                    field("actions", FieldKind.TEXT).build(),
                    field("active", FieldKind.BOOLEAN).build(),
                    field("savedBy", FieldKind.TEXT)
                            .classed(FieldClass.INTERNAL)
                            .build(),
                    field("savedAt", FieldKind.DATETIME).build()),
            List.of("ruleId", "version"));

    static final RecordType EVALUATION_TYPE = new RecordType(
            EVALUATION,
            "rule-evaluations",
            "Rule evaluation",
            "规则评估",
            List.of(
                    field("evaluationId", FieldKind.TEXT).required().build(),
                    field("ruleId", FieldKind.TEXT).required().filterable().build(),
                    field("ruleVersion", FieldKind.INTEGER).build(),
                    field("at", FieldKind.DATETIME).filterable().build(),
                    field("cause", FieldKind.TEXT).build(),
                    field("subject", FieldKind.TEXT).filterable().build(),
                    field("facts", FieldKind.TEXT).classed(FieldClass.INTERNAL).build(),
                    field("matched", FieldKind.BOOLEAN).build(),
                    field("actions", FieldKind.TEXT).build(),
                    field("error", FieldKind.TEXT).build()),
            List.of("evaluationId"));

    /** Which scheduled periods have run, so that a restart neither skips nor repeats one. */
    static final RecordType RUN_TYPE = new RecordType(
            RUN,
            "automation-runs",
            "Scheduled run",
            "定时运行",
            List.of(
                    field("schedule", FieldKind.TEXT).required().build(),
                    field("periodFrom", FieldKind.DATE).required().build(),
                    field("ranAt", FieldKind.DATETIME).build()),
            List.of("schedule", "periodFrom"));

    private RuleRecords() {}

    static Map<String, Object> fields(Rule rule) {
        Trigger trigger = rule.trigger();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ruleId", rule.id());
        fields.put("version", (long) rule.version());
        fields.put("name", rule.name());
        fields.put("description", rule.description());
        fields.put("triggerKind", trigger.kind().name());
        fields.put("recordType", trigger.recordType());
        fields.put("action", trigger.action());
        fields.put(
                "schedule",
                trigger.schedule() == null ? null : trigger.schedule().name());
        fields.put("factSource", trigger.factSource());
        fields.put("subjectField", trigger.subjectField());
        fields.put("subjectValue", trigger.subjectValue());
        fields.put("dateField", trigger.dateField());
        fields.put("condition", rule.condition());
        fields.put("actions", encode(rule.actions()));
        fields.put("active", rule.active());
        fields.put("savedBy", rule.savedBy());
        fields.put("savedAt", rule.savedAt());
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    static Rule rule(Record record) {
        String schedule = text(record, "schedule");
        Trigger trigger = new Trigger(
                Trigger.Kind.valueOf(text(record, "triggerKind")),
                text(record, "recordType"),
                text(record, "action"),
                schedule == null ? null : Trigger.Schedule.valueOf(schedule),
                text(record, "factSource"),
                text(record, "subjectField"),
                text(record, "subjectValue"),
                text(record, "dateField"));
        return new Rule(
                text(record, "ruleId"),
                ((Number) record.get("version")).intValue(),
                text(record, "name"),
                text(record, "description"),
                trigger,
                text(record, "condition"),
                decode(text(record, "actions")),
                Boolean.TRUE.equals(record.get("active")),
                text(record, "savedBy"),
                (Instant) record.get("savedAt"));
    }

    static Map<String, Object> fields(Evaluation evaluation) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("evaluationId", RecordIds.random());
        fields.put("ruleId", evaluation.ruleId());
        fields.put("ruleVersion", (long) evaluation.ruleVersion());
        fields.put("at", evaluation.at());
        fields.put("cause", evaluation.cause());
        fields.put("subject", evaluation.subject());
        fields.put(
                "facts",
                evaluation.facts().entrySet().stream()
                        .filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
        fields.put("matched", evaluation.matched());
        fields.put("actions", String.join("\n", evaluation.actions()));
        fields.put("error", evaluation.error());
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    /** One action per line: {@code type?name=value&name=value}, names and values URL-encoded. */
    static String encode(List<RuleAction> actions) {
        return actions.stream()
                .map(action -> action.type() + "?"
                        + action.parameters().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> url(e.getKey()) + "=" + url(e.getValue()))
                                .collect(Collectors.joining("&")))
                .collect(Collectors.joining("\n"));
    }

    static List<RuleAction> decode(String text) {
        List<RuleAction> actions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return actions;
        }
        for (String line : text.split("\n")) {
            int query = line.indexOf('?');
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query >= 0 && query < line.length() - 1) {
                for (String pair : line.substring(query + 1).split("&")) {
                    int equals = pair.indexOf('=');
                    parameters.put(unurl(pair.substring(0, equals)), unurl(pair.substring(equals + 1)));
                }
            }
            actions.add(new RuleAction(query >= 0 ? line.substring(0, query) : line, parameters));
        }
        return actions;
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unurl(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String text(Record record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
