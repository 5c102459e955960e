package org.sellcraft.ai.internal;

import static org.sellcraft.api.record.FieldDef.field;
import static org.sellcraft.api.record.FieldKind.BOOLEAN;
import static org.sellcraft.api.record.FieldKind.DATETIME;
import static org.sellcraft.api.record.FieldKind.INTEGER;
import static org.sellcraft.api.record.FieldKind.LINES;
import static org.sellcraft.api.record.FieldKind.REFERENCE;
import static org.sellcraft.api.record.FieldKind.TEXT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.sales.SalesTypes;

/**
 * The record types of AI tasks: runs with their facts, output, checks and sign-off, and the cards people wrote.
 * Both carry the owner, so the access policy shows a rep their own and a manager their team's.
 */
final class Runs {

    static final String RUN = "ai-run";
    static final String CARD = "ai-card";
    static final String PROMPT = "ai-prompt";

    static final List<String> DECISIONS = List.of("pending", "adopted", "edited", "discarded");

    /** The item number under which the points to confirm are kept among the output lines. */
    private static final long CONFIRMATIONS = 0;

    static final RecordType RUN_TYPE = new RecordType(
            RUN,
            "ai-runs",
            "AI task run",
            "AI 任务运行",
            List.of(
                    field("cardId", TEXT).required().filterable().build(),
                    field("accountId", REFERENCE)
                            .references(SalesTypes.ACCOUNT)
                            .filterable()
                            .build(),
                    personField(),
                    field("userName", TEXT).required().filterable().build(),
                    field("trigger", TEXT).oneOf("rep", "system").filterable().build(),
                    field("language", TEXT).build(),
                    field("provider", TEXT).filterable().build(),
                    field("model", TEXT).build(),
                    field("status", TEXT).oneOf("done", "failed").filterable().build(),
                    field("error", TEXT).build(),
                    field("startedAt", DATETIME).required().filterable().build(),
                    field("inputs", TEXT).classed(FieldClass.INTERNAL).build(),
                    field("facts", LINES)
                            .classed(FieldClass.INTERNAL)
                            .parts(
                                    field("lineNo", INTEGER).required().build(),
                                    field("subject", TEXT).build(),
                                    field("key", TEXT).required().build(),
                                    field("value", TEXT).build(),
                                    field("query", TEXT).build())
                            .build(),
                    outputField("output"),
                    field("checks", LINES)
                            .parts(
                                    field("lineNo", INTEGER).required().build(),
                                    field("check", TEXT).required().build(),
                                    field("passed", BOOLEAN).build(),
                                    field("detail", TEXT).build())
                            .build(),
                    field("passed", BOOLEAN).filterable().build(),
                    field("signOff", TEXT)
                            .oneOf(DECISIONS.toArray(String[]::new))
                            .filterable()
                            .build(),
                    field("signer", TEXT).oneOf("rep", "manager").filterable().build(),
                    field("signedBy", TEXT).build(),
                    field("signedAt", DATETIME).build(),
                    outputField("edited"),
                    field("diff", TEXT).build(),
                    field("discardReason", TEXT).build()),
            List.of());

    static final RecordType CARD_TYPE = new RecordType(
            CARD,
            "ai-cards",
            "AI task card",
            "AI 任务卡",
            List.of(
                    field("code", TEXT).required().filterable().build(),
                    field("nameEn", TEXT).build(),
                    field("nameZh", TEXT).build(),
                    field("scenario", TEXT).filterable().build(),
                    field("definition", TEXT).required().build(),
                    field("clarity", INTEGER).filterable().build(),
                    field("author", TEXT).filterable().build(),
                    personField()),
            List.of("code"));

    /**
     * A prompt to act on a customer after a health alert, for the customer's owner; the first run or sign-off on
     * that customer afterwards acts on it.
     */
    static final RecordType PROMPT_TYPE = new RecordType(
            PROMPT,
            "ai-prompts",
            "AI task prompt",
            "AI 任务提示",
            List.of(
                    field("accountId", REFERENCE)
                            .references(SalesTypes.ACCOUNT)
                            .required()
                            .filterable()
                            .build(),
                    field("ownerId", REFERENCE)
                            .references(SalesTypes.REP)
                            .filterable()
                            .build(),
                    field("cardId", TEXT).required().build(),
                    field("band", TEXT).build(),
                    field("reasonEn", TEXT).build(),
                    field("reasonZh", TEXT).build(),
                    field("raisedAt", DATETIME).required().filterable().build(),
                    field("status", TEXT).oneOf("open", "acted").filterable().build(),
                    field("action", TEXT).oneOf("run", "sign-off").build(),
                    field("actedBy", TEXT).build(),
                    field("actedAt", DATETIME).build(),
                    field("runId", TEXT).build()),
            List.of());

    private Runs() {}

    private static FieldDef outputField(String name) {
        return field(name, LINES)
                .parts(
                        field("lineNo", INTEGER).required().build(),
                        field("item", INTEGER).build(),
                        field("field", TEXT).build(),
                        field("value", TEXT).build())
                .build();
    }

    static List<Map<String, Object>> factLines(List<Fact> facts) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Fact fact : facts) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", lines.size() + 1);
            line.put("subject", fact.subject());
            line.put("key", fact.key());
            line.put("value", fact.value());
            line.put("query", fact.query());
            lines.add(line);
        }
        return lines;
    }

    static List<Fact> facts(Record run) {
        List<Fact> facts = new ArrayList<>();
        for (Map<String, Object> line : lines(run, "facts")) {
            facts.add(new Fact(
                    (String) line.get("subject"),
                    (String) line.get("key"),
                    line.get("value") == null ? "" : line.get("value").toString(),
                    line.get("query") == null ? "" : line.get("query").toString()));
        }
        return facts;
    }

    static List<Map<String, Object>> outputLines(ModelReply reply) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < reply.items().size(); i++) {
            for (Map.Entry<String, String> field : reply.items().get(i).entrySet()) {
                lines.add(outputLine(lines.size() + 1, i + 1, field.getKey(), field.getValue()));
            }
        }
        for (String confirmation : reply.confirmations()) {
            lines.add(outputLine(lines.size() + 1, CONFIRMATIONS, "confirm", confirmation));
        }
        return lines;
    }

    private static Map<String, Object> outputLine(int lineNo, long item, String field, String value) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNo", lineNo);
        line.put("item", item);
        line.put("field", field);
        line.put("value", value);
        return line;
    }

    /** The items and the points to confirm kept in an output field of a run. */
    static ModelReply reply(Record run, String field, String model) {
        Map<Long, Map<String, String>> items = new TreeMap<>();
        List<String> confirmations = new ArrayList<>();
        for (Map<String, Object> line : lines(run, field)) {
            long item = ((Number) line.get("item")).longValue();
            String value = line.get("value") == null ? "" : line.get("value").toString();
            if (item == CONFIRMATIONS) {
                confirmations.add(value);
            } else {
                items.computeIfAbsent(item, i -> new LinkedHashMap<>()).put((String) line.get("field"), value);
            }
        }
        return new ModelReply(new ArrayList<>(items.values()), confirmations, model, 0);
    }

    static List<Map<String, Object>> checkLines(List<Checks.Result> results) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Checks.Result result : results) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineNo", lines.size() + 1);
            line.put("check", result.check());
            line.put("passed", result.passed());
            line.put("detail", result.detail());
            lines.add(line);
        }
        return lines;
    }

    static List<Checks.Result> checks(Record run) {
        return lines(run, "checks").stream()
                .map(line ->
                        new Checks.Result((String) line.get("check"), Boolean.TRUE.equals(line.get("passed")), (String)
                                line.get("detail")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Record run, String field) {
        Object lines = run.get(field);
        return lines instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * Who ran a task or wrote a card: the person id of a rep or a manager, so it names no single record type. The
     * access policy reads it as the owner, like a rep's own deals.
     */
    private static FieldDef personField() {
        return field("ownerId", TEXT).filterable().build();
    }
}
