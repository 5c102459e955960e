package org.sellcraft.automation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlExpression;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.AutomationService;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.FactSource;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.event.RecordEvents;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule engine. Rules are compiled once when saved or loaded and indexed by the event they hear and, for rules
 * about one subject, by that subject's value, so an event costs one record read plus the evaluation of the rules
 * that concern it, however many others exist. Each rule is evaluated and acts on its own: an exception in one is
 * logged with its evaluation and the next rule runs.
 */
public class AutomationServiceImpl implements AutomationService {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationServiceImpl.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final int KEPT_PER_RULE = 500;
    private static final int SAVE_BATCH = 1_000;

    private final RecordService records;
    private final RecordTypeRegistry types;
    private final Clock clock;
    private final ExpressionSandbox sandbox = new ExpressionSandbox();
    private final Map<String, ActionHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, FactSource> sources = new ConcurrentHashMap<>();
    private final Map<String, List<Rule>> versions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Evaluation>> log = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> unsaved = new ArrayList<>();
    private volatile Map<String, TopicRules> byTopic = Map.of();
    private volatile List<Compiled> scheduled = List.of();

    /** A rule with its parsed condition. */
    private record Compiled(Rule rule, JexlExpression condition) {}

    /** The rules that hear one event: those about every subject, and those about one subject by its value. */
    private record TopicRules(List<Compiled> any, Map<String, Map<String, List<Compiled>>> bySubject) {

        List<Compiled> concerning(Map<String, Object> facts) {
            if (bySubject.isEmpty()) {
                return any;
            }
            List<Compiled> found = new ArrayList<>(any);
            bySubject.forEach((field, byValue) -> {
                Object value = facts.get(field);
                if (value != null) {
                    found.addAll(byValue.getOrDefault(value.toString(), List.of()));
                }
            });
            return found;
        }
    }

    public AutomationServiceImpl(RecordService records, RecordTypeRegistry types, Clock clock) {
        this.records = records;
        this.types = types;
        this.clock = clock;
    }

    /** The record types of the engine: rules, evaluations, scheduled runs, and its actions' tasks and documents. */
    public static List<RecordType> recordTypes() {
        return List.of(
                RuleRecords.RULE_TYPE,
                RuleRecords.EVALUATION_TYPE,
                RuleRecords.RUN_TYPE,
                ActionRecords.TASK_TYPE,
                ActionRecords.DOCUMENT_TYPE,
                Notifications.RECORD_TYPE);
    }

    /** Reads the saved rules; a stored rule whose condition no longer parses is kept but not run. */
    public void load() {
        Map<String, List<Rule>> loaded = new HashMap<>();
        records.forEach(Caller.system(), RuleRecords.RULE, record -> loaded.computeIfAbsent(
                        (String) record.get("ruleId"), id -> new ArrayList<>())
                .add(RuleRecords.rule(record)));
        loaded.values().forEach(list -> list.sort(Comparator.comparingInt(Rule::version)));
        versions.putAll(loaded);
        reindex();
    }

    public void addAction(ActionHandler handler) {
        handlers.put(handler.type(), handler);
    }

    public void removeAction(ActionHandler handler) {
        handlers.remove(handler.type(), handler);
    }

    public void addSource(FactSource source) {
        sources.put(source.name(), source);
    }

    public void removeSource(FactSource source) {
        sources.remove(source.name(), source);
    }

    @Override
    public Rule save(Caller caller, Rule rule) {
        requireAdmin(caller, "change rules");
        String id = rule.id().isBlank() ? RecordIds.random() : rule.id();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Rule id '" + id + "' must hold only lower-case letters, digits and '-'");
        }
        sandbox.compile(rule.condition());
        checkTrigger(rule.trigger());
        for (RuleAction action : rule.actions()) {
            ActionHandler handler = handlers.get(action.type());
            if (handler == null) {
                throw new IllegalArgumentException(
                        "Unknown action type '" + action.type() + "'; known: " + actionTypes());
            }
            handler.check(action.parameters());
        }

        synchronized (versions) {
            List<Rule> saved = versions.getOrDefault(id, List.of());
            int version = saved.isEmpty() ? 1 : saved.get(saved.size() - 1).version() + 1;
            Rule stored = new Rule(
                    id,
                    version,
                    rule.name(),
                    rule.description(),
                    rule.trigger(),
                    rule.condition(),
                    rule.actions(),
                    rule.active(),
                    caller.userName(),
                    clock.instant());
            records.create(Caller.system(), RuleRecords.RULE, RuleRecords.fields(stored));
            List<Rule> updated = new ArrayList<>(saved);
            updated.add(stored);
            versions.put(id, List.copyOf(updated));
            reindex();
            LOG.debug("Rule '{}' saved as version {} by '{}'", id, version, caller.userName());
            return stored;
        }
    }

    private void checkTrigger(Trigger trigger) {
        if (trigger.kind() == Trigger.Kind.EVENT) {
            RecordType type = types.byName(trigger.recordType())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Unknown record type '" + trigger.recordType() + "' in the trigger"));
            if (!List.of(RecordEvents.CREATED, RecordEvents.UPDATED, RecordEvents.DELETED)
                    .contains(trigger.action())) {
                throw new IllegalArgumentException(
                        "Trigger action '" + trigger.action() + "' must be CREATED, UPDATED or DELETED");
            }
            if (trigger.dateField() != null && type.field(trigger.dateField()).isEmpty()) {
                throw new IllegalArgumentException(
                        "dateField '" + trigger.dateField() + "' is not a field of " + type.name());
            }
        } else if (!sources.containsKey(trigger.factSource())) {
            throw new IllegalArgumentException(
                    "Unknown fact source '" + trigger.factSource() + "'; known: " + sources.keySet());
        }
    }

    private void reindex() {
        Map<String, List<Compiled>> any = new HashMap<>();
        Map<String, Map<String, Map<String, List<Compiled>>>> bySubject = new HashMap<>();
        List<Compiled> onSchedule = new ArrayList<>();
        for (Rule rule : rules()) {
            if (!rule.active()) {
                continue;
            }
            Compiled compiled;
            try {
                compiled = new Compiled(rule, sandbox.compile(rule.condition()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Rule '{}' version {} is not run: {}", rule.id(), rule.version(), e.getMessage());
                continue;
            }
            Trigger trigger = rule.trigger();
            if (trigger.kind() == Trigger.Kind.SCHEDULE) {
                onSchedule.add(compiled);
                continue;
            }
            String topic = trigger.recordType() + "/" + trigger.action();
            if (trigger.subjectField() == null) {
                any.computeIfAbsent(topic, t -> new ArrayList<>()).add(compiled);
            } else {
                bySubject
                        .computeIfAbsent(topic, t -> new HashMap<>())
                        .computeIfAbsent(trigger.subjectField(), f -> new HashMap<>())
                        .computeIfAbsent(trigger.subjectValue(), v -> new ArrayList<>())
                        .add(compiled);
            }
        }
        Map<String, TopicRules> index = new HashMap<>();
        for (String topic : union(any.keySet(), bySubject.keySet())) {
            index.put(
                    topic, new TopicRules(any.getOrDefault(topic, List.of()), bySubject.getOrDefault(topic, Map.of())));
        }
        byTopic = index;
        scheduled = List.copyOf(onSchedule);
    }

    private static List<String> union(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(s -> !a.contains(s)).forEach(all::add);
        return all;
    }

    @Override
    public List<Rule> rules() {
        return versions.values().stream()
                .map(list -> list.get(list.size() - 1))
                .sorted(Comparator.comparing(Rule::id))
                .toList();
    }

    @Override
    public Optional<Rule> rule(String id) {
        List<Rule> saved = versions.get(id);
        return saved == null ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }

    @Override
    public List<Rule> versions(String id) {
        return versions.getOrDefault(id, List.of());
    }

    @Override
    public List<Evaluation> onRecordEvent(String recordType, String recordId, String action) {
        TopicRules rules = byTopic.get(recordType + "/" + action);
        if (rules == null) {
            return List.of();
        }
        Map<String, Object> facts = facts(recordType, recordId, action);
        if (facts == null) {
            return List.of();
        }
        String cause = RecordEvents.topic(recordType, action);
        String subject = recordType + "/" + recordId;
        List<Evaluation> done = new ArrayList<>();
        for (Compiled compiled : rules.concerning(facts)) {
            done.add(evaluate(compiled, facts, cause, subject, false));
        }
        return done;
    }

    /** The record's fields, every field of its type present (absent ones as null), plus its id. */
    private Map<String, Object> facts(String recordType, String recordId, String action) {
        Map<String, Object> facts = new LinkedHashMap<>();
        types.byName(recordType).ifPresent(type -> type.fields().forEach(f -> facts.put(f.name(), null)));
        facts.put("id", recordId);
        if (RecordEvents.DELETED.equals(action)) {
            return facts;
        }
        try {
            facts.putAll(records.get(Caller.system(), recordType, recordId).fields());
            return facts;
        } catch (RecordNotFoundException e) {
            LOG.debug("Record {}/{} is gone before its rules ran", recordType, recordId);
            return null;
        }
    }

    private static Map<String, Object> recordFacts(RecordType type, Record record) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (FieldDef field : type.fields()) {
            facts.put(field.name(), null);
        }
        facts.put("id", record.id());
        facts.putAll(record.fields());
        return facts;
    }

    @Override
    public List<Evaluation> runSchedule(Caller caller, Trigger.Schedule schedule, LocalDate from, LocalDate to) {
        requireAdmin(caller, "run scheduled rules");
        List<Compiled> due = scheduled.stream()
                .filter(c -> c.rule().trigger().schedule() == schedule)
                .toList();
        String cause = "schedule " + schedule.name().toLowerCase(java.util.Locale.ROOT) + " " + from + ".." + to;
        List<Evaluation> done = new ArrayList<>();
        Map<String, List<Map<String, Object>>> factsBySource = new HashMap<>();
        for (Compiled compiled : due) {
            List<Map<String, Object>> all = factsBySource.computeIfAbsent(
                    compiled.rule().trigger().factSource(), name -> sourceFacts(name, from, to));
            done.addAll(evaluateAll(compiled, all, cause, false));
        }
        return done;
    }

    private List<Map<String, Object>> sourceFacts(String name, LocalDate from, LocalDate to) {
        FactSource source = sources.get(name);
        if (source == null) {
            LOG.warn("Fact source '{}' is not available; its rules are skipped for {}..{}", name, from, to);
            return List.of();
        }
        return source.facts(from, to);
    }

    private List<Evaluation> evaluateAll(
            Compiled compiled, List<Map<String, Object>> all, String cause, boolean dryRun) {
        Trigger trigger = compiled.rule().trigger();
        List<Evaluation> done = new ArrayList<>();
        for (Map<String, Object> facts : all) {
            if (concerns(trigger, facts)) {
                done.add(evaluate(compiled, facts, cause, subjectOf(facts), dryRun));
            }
        }
        return done;
    }

    private static boolean concerns(Trigger trigger, Map<String, Object> facts) {
        if (trigger.subjectField() == null) {
            return true;
        }
        Object value = facts.get(trigger.subjectField());
        return value != null && value.toString().equals(trigger.subjectValue());
    }

    private static String subjectOf(Map<String, Object> facts) {
        Object subject = facts.getOrDefault("subject", facts.get("id"));
        return subject == null ? null : subject.toString();
    }

    @Override
    public List<Evaluation> dryRun(Caller caller, Rule rule, LocalDate from, LocalDate to) {
        requireStaff(caller);
        Compiled compiled = new Compiled(rule, sandbox.compile(rule.condition()));
        Trigger trigger = rule.trigger();
        List<Evaluation> found = new ArrayList<>();
        if (trigger.kind() == Trigger.Kind.SCHEDULE) {
            for (LocalDate start = from; start.isBefore(to); start = next(trigger.schedule(), start)) {
                LocalDate end = next(trigger.schedule(), start);
                String cause = "dry run " + start + ".." + end;
                evaluateAll(compiled, sourceFacts(trigger.factSource(), start, end), cause, true).stream()
                        .filter(e -> e.matched() || e.error() != null)
                        .forEach(found::add);
            }
            return found;
        }
        RecordType type = types.byName(trigger.recordType())
                .orElseThrow(() -> new IllegalArgumentException("Unknown record type '" + trigger.recordType() + "'"));
        String cause = "dry run " + from + ".." + to;
        records.forEach(Caller.system(), type.name(), record -> {
            if (!inWindow(record.get(trigger.dateField()), from, to)) {
                return;
            }
            Map<String, Object> facts = recordFacts(type, record);
            if (concerns(trigger, facts)) {
                Evaluation evaluation = evaluate(compiled, facts, cause, type.name() + "/" + record.id(), true);
                if (evaluation.matched() || evaluation.error() != null) {
                    found.add(evaluation);
                }
            }
        });
        found.sort(Comparator.comparing(Evaluation::subject));
        return found;
    }

    private static LocalDate next(Trigger.Schedule schedule, LocalDate start) {
        return schedule == Trigger.Schedule.MONTHLY ? start.plusMonths(1) : start.plusDays(1);
    }

    private static boolean inWindow(Object value, LocalDate from, LocalDate to) {
        LocalDate day;
        if (value instanceof Instant instant) {
            day = instant.atZone(ZoneOffset.UTC).toLocalDate();
        } else if (value instanceof LocalDate date) {
            day = date;
        } else {
            return value == null && from == null;
        }
        return !day.isBefore(from) && day.isBefore(to);
    }

    /** Evaluates one rule on one set of facts and takes its actions; never throws. */
    private Evaluation evaluate(
            Compiled compiled, Map<String, Object> facts, String cause, String subject, boolean dryRun) {
        Rule rule = compiled.rule();
        boolean matched;
        try {
            matched = ExpressionSandbox.test(compiled.condition(), facts);
        } catch (RuntimeException e) {
            LOG.warn("Rule '{}' failed on {}: {}", rule.id(), subject, e.getMessage());
            return keep(new Evaluation(
                    rule.id(),
                    rule.version(),
                    clock.instant(),
                    cause,
                    subject,
                    facts,
                    false,
                    List.of(),
                    e.getMessage(),
                    dryRun));
        }
        if (!matched) {
            return keep(new Evaluation(
                    rule.id(), rule.version(), clock.instant(), cause, subject, facts, false, List.of(), null, dryRun));
        }
        List<String> taken = new ArrayList<>();
        String error = null;
        for (RuleAction action : rule.actions()) {
            try {
                ActionHandler handler = handlers.get(action.type());
                if (handler == null) {
                    throw new IllegalStateException("no handler for action '" + action.type() + "' is installed");
                }
                Map<String, String> parameters = fill(action.parameters(), facts);
                if (handler instanceof EvaluationAction own) {
                    EvaluationAction.Context context = new EvaluationAction.Context(
                            rule.id(), rule.version(), clock.instant(), cause, subject, facts);
                    taken.add(own.perform(parameters, context, dryRun));
                } else {
                    taken.add(handler.perform(parameters, facts, dryRun));
                }
            } catch (RuntimeException e) {
                LOG.warn("Rule '{}' action '{}' failed on {}: {}", rule.id(), action.type(), subject, e.getMessage());
                taken.add(action.type() + " failed: " + e.getMessage());
                error = action.type() + " failed: " + e.getMessage();
            }
        }
        return keep(new Evaluation(
                rule.id(), rule.version(), clock.instant(), cause, subject, facts, true, taken, error, dryRun));
    }

    private static Map<String, String> fill(Map<String, String> parameters, Map<String, Object> facts) {
        Map<String, String> filled = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                Object fact = facts.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(fact == null ? "" : fact.toString()));
            }
            m.appendTail(out);
            filled.put(name, out.toString());
        });
        return filled;
    }

    private Evaluation keep(Evaluation evaluation) {
        if (evaluation.dryRun()) {
            return evaluation;
        }
        Deque<Evaluation> kept = log.computeIfAbsent(evaluation.ruleId(), id -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addFirst(evaluation);
            if (kept.size() > KEPT_PER_RULE) {
                kept.removeLast();
            }
        }
        if (evaluation.matched() || evaluation.error() != null) {
            int waiting;
            synchronized (unsaved) {
                unsaved.add(RuleRecords.fields(evaluation));
                waiting = unsaved.size();
            }
            if (waiting >= SAVE_BATCH) {
                flush();
            }
        }
        return evaluation;
    }

    /**
     * Writes the evaluations that acted or failed to the store, in one transaction. They are written in batches
     * because a durable commit per firing would cost more than the evaluation itself; the engine's owner calls this
     * at least every second, and reading the log calls it first. The actions' own changes are never delayed.
     */
    public void flush() {
        List<Map<String, Object>> batch;
        synchronized (unsaved) {
            if (unsaved.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(unsaved);
            unsaved.clear();
        }
        try {
            records.upsert(Caller.system(), RuleRecords.EVALUATION, batch);
        } catch (RuntimeException e) {
            LOG.error("{} rule evaluations could not be stored", batch.size(), e);
        }
    }

    @Override
    public List<Evaluation> evaluations(String ruleId, int limit) {
        flush();
        Deque<Evaluation> kept = log.get(ruleId);
        if (kept != null) {
            synchronized (kept) {
                return kept.stream().limit(limit).toList();
            }
        }
        List<Evaluation> stored = new ArrayList<>();
        records.forEach(Caller.system(), RuleRecords.EVALUATION, record -> {
            if (ruleId.equals(record.get("ruleId"))) {
                stored.add(storedEvaluation(record));
            }
        });
        stored.sort(Comparator.comparing(Evaluation::at).reversed());
        return stored.stream().limit(limit).toList();
    }

    private static Evaluation storedEvaluation(Record record) {
        String actions = (String) record.get("actions");
        return new Evaluation(
                (String) record.get("ruleId"),
                ((Number) record.get("ruleVersion")).intValue(),
                (Instant) record.get("at"),
                (String) record.get("cause"),
                (String) record.get("subject"),
                Map.of("facts", String.valueOf(record.get("facts"))),
                Boolean.TRUE.equals(record.get("matched")),
                actions == null || actions.isEmpty() ? List.of() : List.of(actions.split("\n")),
                (String) record.get("error"),
                false);
    }

    @Override
    public List<String> actionTypes() {
        return handlers.keySet().stream().sorted().toList();
    }

    private static void requireAdmin(Caller caller, String what) {
        if (!caller.isSystem() && !caller.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("Only administrators may " + what);
        }
    }

    private static void requireStaff(Caller caller) {
        if (!caller.isSystem()
                && !caller.hasRole(Roles.ADMIN)
                && !caller.hasRole(Roles.MANAGER)
                && !caller.hasRole(Roles.ANALYST)) {
            throw new AccessDeniedException("Only administrators, managers and analysts may try rules");
        }
    }
}
