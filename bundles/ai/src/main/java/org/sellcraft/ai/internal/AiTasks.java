package org.sellcraft.ai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelProvider;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.ai.ModelRequest;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordQuery.Filter;
import org.sellcraft.api.service.RecordQuery.Operator;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs task cards and keeps their runs: gathers the facts as the caller, asks a provider to write, checks the
 * output, stores everything as an {@code ai-run} record owned by the caller, and records the caller's sign-off.
 * Runs and cards are written by the platform on the caller's behalf (reps may not create records of other types)
 * and read as the caller, so the access policy decides who sees which run.
 */
final class AiTasks {

    private static final Logger LOG = LoggerFactory.getLogger(AiTasks.class);
    private static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private final RecordService records;
    private final Supplier<HealthService> health;
    private final Map<String, ModelProvider> providers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile String defaultProvider;
    private volatile ZoneId zone;
    private volatile List<String> nonProductCodes;

    AiTasks(RecordService records, Supplier<HealthService> health, Clock clock) {
        this.records = records;
        this.health = health;
        this.clock = clock;
        configure("grounded", ZoneId.of("UTC"), List.of());
    }

    void configure(String defaultProvider, ZoneId zone, List<String> nonProductCodes) {
        this.defaultProvider = defaultProvider;
        this.zone = zone;
        this.nonProductCodes = List.copyOf(nonProductCodes);
    }

    void addProvider(ModelProvider provider) {
        providers.put(provider.id(), provider);
    }

    void removeProvider(ModelProvider provider) {
        providers.remove(provider.id(), provider);
    }

    List<String> providers() {
        return providers.keySet().stream().sorted().toList();
    }

    // ---- cards

    /** The built-in cards and the cards the caller may see. */
    List<TaskCard> cards(Caller caller) {
        List<TaskCard> cards = new ArrayList<>(BuiltInCards.all());
        records.forEach(caller, Runs.CARD, record -> cards.add(cardOf(record)));
        return cards;
    }

    TaskCard card(Caller caller, String id) {
        return cards(caller).stream()
                .filter(card -> card.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException(Runs.CARD, id));
    }

    /**
     * Saves a card the caller wrote, after validating it; the caller becomes its author.
     *
     * @throws ValidationException naming the field at fault, or when the id is taken
     */
    Record saveCard(Caller caller, TaskCard submitted) {
        TaskCard card = new TaskCard(
                submitted.id(),
                submitted.scenario(),
                submitted.nameEn(),
                submitted.nameZh(),
                submitted.inputs(),
                submitted.steps(),
                submitted.template(),
                submitted.instruction(),
                submitted.output(),
                submitted.checks(),
                caller.userName());
        Cards.validate(card);
        if (BuiltInCards.all().stream().anyMatch(builtIn -> builtIn.id().equals(card.id()))) {
            throw new ValidationException("id", card.id(), "is the id of a built-in card");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", card.id());
        fields.put("nameEn", card.nameEn());
        fields.put("nameZh", card.nameZh());
        fields.put("scenario", card.scenario());
        fields.put("definition", write(card));
        fields.put("clarity", Cards.clarity(card));
        fields.put("author", caller.userName());
        fields.put("ownerId", caller.personId());
        return records.create(Caller.system(), Runs.CARD, fields);
    }

    private TaskCard cardOf(Record record) {
        try {
            return json.readValue((String) record.get("definition"), TaskCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored card '" + record.get("code") + "' cannot be read", e);
        }
    }

    // ---- runs

    /**
     * Runs a card as the caller and keeps the run, also when the provider fails: the run is then stored with its
     * facts and the provider's error, and can be looked at and run again.
     *
     * @param inputs the card's inputs by name
     * @param language {@code en} or {@code zh-CN}
     * @param providerId the provider to write with, or {@code null} for the configured default
     * @param trigger {@code rep} when the person started it, {@code system} when they followed a prompt; a run on a
     *     customer with an open prompt for the caller is always {@code system}, and acts on the prompt
     * @throws ValidationException naming the input, step parameter or provider at fault; nothing is stored then
     */
    Record run(
            Caller caller,
            String cardId,
            Map<String, String> inputs,
            String language,
            String providerId,
            String trigger) {
        TaskCard card = card(caller, cardId);
        String lang = language == null || language.isBlank() ? "en" : language;
        if (!LANGUAGES.contains(lang)) {
            throw new ValidationException("language", language, "must be one of " + LANGUAGES);
        }
        String triggerName0 = trigger == null || trigger.isBlank() ? "rep" : trigger;
        if (!List.of("rep", "system").contains(triggerName0)) {
            throw new ValidationException("trigger", trigger, "must be 'rep' or 'system'");
        }
        String triggerName = triggerName0;
        String providerName = providerId == null || providerId.isBlank() ? defaultProvider : providerId;
        ModelProvider provider = providers.get(providerName);
        if (provider == null) {
            throw new ValidationException("provider", providerName, "no such provider; providers are " + providers());
        }
        Map<String, String> given = inputs(card, inputs == null ? Map.of() : inputs);

        Instant started = clock.instant();
        Gathering gathering = new Gathering(caller, lang, given);
        DataSteps steps = new DataSteps(records, health.get(), zone, nonProductCodes);
        for (TaskCard.Step step : card.steps()) {
            steps.run(gathering, step.step(), params(step, given));
        }

        String accountId = gathering.subjects.size() == 1
                ? gathering.subjects.keySet().iterator().next()
                : null;
        Optional<Record> prompt = accountId == null ? Optional.empty() : openPrompt(accountId);
        if (prompt.isPresent() && Objects.equals(caller.personId(), prompt.get().get("ownerId"))) {
            triggerName = "system";
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("cardId", card.id());
        fields.put("accountId", accountId);
        fields.put("ownerId", caller.personId());
        fields.put("userName", caller.userName());
        fields.put("trigger", triggerName);
        fields.put("language", lang);
        fields.put("provider", provider.id());
        fields.put("startedAt", started);
        fields.put("inputs", write(given));
        fields.put("facts", Runs.factLines(gathering.facts));
        fields.put("signOff", "pending");
        fields.put("signer", card.output().signer());
        fields.putAll(generate(card, provider, lang, gathering.facts, gathering.subjects.size()));
        Record run = records.create(Caller.system(), Runs.RUN, fields);
        prompt.ifPresent(open -> act(open, "run", caller, started, run.id()));
        LOG.debug("Run '{}' of card '{}' for '{}': {}", run.id(), card.id(), caller.userName(), run.get("status"));
        return run;
    }

    /** Writes the output with a provider and checks it; a provider's failure becomes the run's error. */
    private Map<String, Object> generate(
            TaskCard card, ModelProvider provider, String language, List<Fact> facts, int subjects) {
        ModelRequest request = new ModelRequest(
                card.template(),
                card.instruction() == null ? "" : card.instruction(),
                language,
                facts,
                card.output().fields(),
                Checks.expectedItems(card, subjects),
                card.output().confirmations());
        Map<String, Object> fields = new HashMap<>();
        try {
            ModelReply reply = provider.generate(request);
            List<Checks.Result> checks = Checks.run(card, subjects, reply, facts);
            fields.put("status", "done");
            fields.put("model", reply.model());
            fields.put("output", Runs.outputLines(reply));
            fields.put("checks", Runs.checkLines(checks));
            fields.put("passed", checks.stream().allMatch(Checks.Result::passed));
        } catch (RuntimeException e) {
            LOG.warn("Provider '{}' failed on card '{}': {}", provider.id(), card.id(), e.getMessage());
            LOG.debug("Provider failure", e);
            fields.put("status", "failed");
            fields.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            fields.put("passed", false);
        }
        return fields;
    }

    /**
     * Writes a kept run's output again from its stored facts, with another provider or after the model server came
     * back.
     */
    Record regenerate(Caller caller, String runId, String providerId) {
        Record run = ownRun(caller, runId);
        TaskCard card = card(caller, (String) run.get("cardId"));
        String providerName = providerId == null || providerId.isBlank() ? (String) run.get("provider") : providerId;
        ModelProvider provider = Optional.ofNullable(providers.get(providerName))
                .orElseThrow(() -> new ValidationException(
                        "provider", providerName, "no such provider; providers are " + providers()));
        List<Fact> facts = Runs.facts(run);
        long subjects =
                facts.stream().filter(f -> f.key().equals("customer.code")).count();
        Map<String, Object> changes =
                new LinkedHashMap<>(generate(card, provider, (String) run.get("language"), facts, (int) subjects));
        changes.put("provider", provider.id());
        if ("done".equals(changes.get("status"))) {
            changes.put("error", null);
        }
        return records.update(Caller.system(), Runs.RUN, run.id(), run.version(), changes);
    }

    private static Map<String, String> inputs(TaskCard card, Map<String, String> given) {
        for (String name : given.keySet()) {
            if (card.inputs().stream().noneMatch(input -> input.name().equals(name))) {
                throw new ValidationException(name, given.get(name), "is not an input of card '" + card.id() + "'");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (TaskCard.Input input : card.inputs()) {
            String value = given.get(input.name());
            if (value == null || value.isBlank()) {
                value = input.defaultValue();
            }
            if (value == null && input.required()) {
                throw new ValidationException(input.name(), null, "is required by card '" + card.id() + "'");
            }
            if (value != null) {
                values.put(input.name(), value.strip());
            }
        }
        return values;
    }

    private static Map<String, String> params(TaskCard.Step step, Map<String, String> inputs) {
        Map<String, String> params = new HashMap<>();
        step.params().forEach((name, value) -> {
            String resolved = value != null && value.startsWith("$") ? inputs.get(value.substring(1)) : value;
            if (resolved != null) {
                params.put(name, resolved);
            }
        });
        return params;
    }

    Record run(Caller caller, String runId) {
        return records.get(caller, Runs.RUN, runId);
    }

    /** The runs the caller may see, newest first. */
    List<Record> runs(Caller caller, String cardId, String signOff, int limit) {
        List<Filter> filters = new ArrayList<>();
        if (cardId != null && !cardId.isBlank()) {
            filters.add(new Filter("cardId", Operator.EQUALS, cardId));
        }
        if (signOff != null && !signOff.isBlank()) {
            filters.add(new Filter("signOff", Operator.EQUALS, signOff));
        }
        return records.list(caller, new RecordQuery(Runs.RUN, filters, "startedAt", true, 0, limit))
                .items();
    }

    private Record ownRun(Caller caller, String runId) {
        Record run = records.get(caller, Runs.RUN, runId);
        boolean own = caller.userName().equals(run.get("userName"));
        if (!own && !caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.MANAGER)) {
            throw new AccessDeniedException(
                    "Only the person who ran it or their manager may act on run '" + runId + "'");
        }
        return run;
    }

    // ---- sign-off

    /**
     * Records the caller's decision on a run's output: {@code adopt}, {@code edit} with the edited items (the
     * difference to the output is kept) or {@code discard} with a reason. A run is signed off once.
     *
     * @throws ValidationException naming the field at fault, or when the run was signed off already
     * @throws AccessDeniedException when the run is a report a manager signs and the caller is no manager or
     *     administrator
     */
    Record signOff(Caller caller, String runId, String decision, List<Map<String, String>> edited, String reason) {
        Record run = ownRun(caller, runId);
        if ("manager".equals(run.get("signer")) && !caller.hasRole(Roles.MANAGER) && !caller.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException(
                    "Only a manager or an administrator signs off the report of run '" + runId + "'; 此报告只能由经理或管理员签发");
        }
        if (!"pending".equals(run.get("signOff"))) {
            throw new ValidationException(
                    "decision",
                    decision,
                    "the run was signed off already as '" + run.get("signOff") + "' by " + run.get("signedBy"));
        }
        if (!"done".equals(run.get("status")) && !"discard".equals(decision)) {
            throw new ValidationException("decision", decision, "a failed run has no output to adopt or edit");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        switch (decision == null ? "" : decision) {
            case "adopt" -> changes.put("signOff", "adopted");
            case "edit" -> {
                if (edited == null || edited.isEmpty()) {
                    throw new ValidationException("items", null, "an edit needs the edited items");
                }
                ModelReply original = Runs.reply(run, "output", (String) run.get("model"));
                ModelReply changed = new ModelReply(edited, original.confirmations(), "edited", 0);
                changes.put("signOff", "edited");
                changes.put("edited", Runs.outputLines(changed));
                changes.put("diff", diff(original, changed));
            }
            case "discard" -> {
                if (reason == null || reason.isBlank()) {
                    throw new ValidationException("reason", reason, "say why the output is discarded");
                }
                changes.put("signOff", "discarded");
                changes.put("discardReason", reason.strip());
            }
            default -> throw new ValidationException("decision", decision, "must be 'adopt', 'edit' or 'discard'");
        }
        Instant signedAt = clock.instant();
        changes.put("signedBy", caller.userName());
        changes.put("signedAt", signedAt);
        Record signed = records.update(Caller.system(), Runs.RUN, run.id(), run.version(), changes);
        if (run.get("accountId") != null) {
            openPrompt(run.get("accountId").toString())
                    .ifPresent(open -> act(open, "sign-off", caller, signedAt, run.id()));
        }
        return signed;
    }

    /** A unified difference between the output and its edit, one line per item field. */
    static String diff(ModelReply original, ModelReply edited) {
        List<String> before = text(original);
        List<String> after = text(edited);
        return String.join(
                "\n",
                UnifiedDiffUtils.generateUnifiedDiff("output", "edited", before, DiffUtils.diff(before, after), 1));
    }

    private static List<String> text(ModelReply reply) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < reply.items().size(); i++) {
            for (Map.Entry<String, String> field : reply.items().get(i).entrySet()) {
                for (String line : field.getValue().split("\n")) {
                    lines.add((i + 1) + "." + field.getKey() + ": " + line);
                }
            }
        }
        return lines;
    }

    // ---- prompts

    /**
     * Prompts the owner of a customer to act after a health alert: the account's owner, or else the seller of the
     * customer's latest order. Nothing is prompted for a customer without either, or with a prompt still open.
     *
     * @param raisedAt when the health engine raised the alert
     */
    void prompt(String accountId, Instant raisedAt, String band, String reasonEn, String reasonZh) {
        Optional<Object> owner = ownerOf(accountId);
        if (owner.isEmpty() || openPrompt(accountId).isPresent()) {
            LOG.debug("No prompt for the alert on '{}': no owner, or a prompt is open", accountId);
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountId", accountId);
        fields.put("ownerId", owner.get());
        fields.put("cardId", BuiltInCards.renewal().id());
        fields.put("band", band);
        fields.put("reasonEn", reasonEn);
        fields.put("reasonZh", reasonZh);
        fields.put("raisedAt", raisedAt);
        fields.put("status", "open");
        records.create(Caller.system(), Runs.PROMPT, fields);
    }

    private Optional<Object> ownerOf(String accountId) {
        try {
            Object owner =
                    records.get(Caller.system(), SalesTypes.ACCOUNT, accountId).get("ownerId");
            if (owner != null) {
                return Optional.of(owner);
            }
        } catch (RecordNotFoundException e) {
            return Optional.empty();
        }
        List<Filter> byAccount = List.of(new Filter("accountId", Operator.EQUALS, accountId));
        return records
                .list(Caller.system(), new RecordQuery(SalesTypes.ORDER, byAccount, "orderedAt", true, 0, 1))
                .items()
                .stream()
                .findFirst()
                .map(order -> order.get("ownerId"));
    }

    private Optional<Record> openPrompt(String accountId) {
        List<Filter> filters = List.of(
                new Filter("accountId", Operator.EQUALS, accountId), new Filter("status", Operator.EQUALS, "open"));
        return records
                .list(Caller.system(), new RecordQuery(Runs.PROMPT, filters, "raisedAt", false, 0, 1))
                .items()
                .stream()
                .findFirst();
    }

    private void act(Record prompt, String action, Caller caller, Instant at, String runId) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", "acted");
        changes.put("action", action);
        changes.put("actedBy", caller.userName());
        changes.put("actedAt", at);
        changes.put("runId", runId);
        records.update(Caller.system(), Runs.PROMPT, prompt.id(), prompt.version(), changes);
    }

    /** The prompts the caller may see, the latest first. */
    List<Record> prompts(Caller caller, String status, int limit) {
        List<Filter> filters =
                status == null || status.isBlank() ? List.of() : List.of(new Filter("status", Operator.EQUALS, status));
        return records.list(caller, new RecordQuery(Runs.PROMPT, filters, "raisedAt", true, 0, limit))
                .items();
    }

    // ---- manager view

    /**
     * The figures of the manager view over the runs the caller may see that started in a period, per person, per
     * team (the rep's team, or the team a manager leads) and for all of them together.
     */
    Map<String, Object> metrics(Caller caller, Instant from, Instant to) {
        Map<String, List<Record>> byPerson = new LinkedHashMap<>();
        Map<String, List<Record>> byTeam = new LinkedHashMap<>();
        Map<String, Set<Object>> personIds = new HashMap<>();
        Map<Object, String> teams = new HashMap<>();
        List<Record> all = new ArrayList<>();
        records.forEach(caller, Runs.RUN, run -> {
            Instant started = (Instant) run.get("startedAt");
            if (!started.isBefore(from) && started.isBefore(to)) {
                all.add(run);
                String person = (String) run.get("userName");
                byPerson.computeIfAbsent(person, p -> new ArrayList<>()).add(run);
                personIds.computeIfAbsent(person, p -> new HashSet<>()).add(run.get("ownerId"));
                byTeam.computeIfAbsent(teamOf(caller, run.get("ownerId"), teams), t -> new ArrayList<>())
                        .add(run);
            }
        });
        Map<String, List<Integer>> clarity = new HashMap<>();
        Map<String, List<Integer>> teamClarity = new HashMap<>();
        records.forEach(caller, Runs.CARD, card -> {
            int score = ((Number) card.get("clarity")).intValue();
            clarity.computeIfAbsent((String) card.get("author"), a -> new ArrayList<>())
                    .add(score);
            teamClarity
                    .computeIfAbsent(teamOf(caller, card.get("ownerId"), teams), t -> new ArrayList<>())
                    .add(score);
        });
        List<Record> prompts = new ArrayList<>();
        records.forEach(caller, Runs.PROMPT, prompt -> {
            Instant raised = (Instant) prompt.get("raisedAt");
            if (!raised.isBefore(from) && raised.isBefore(to)) {
                prompts.add(prompt);
            }
        });
        double days = Math.max(1, Duration.between(from, to).toHours() / 24.0);

        List<Map<String, Object>> people = new ArrayList<>();
        byPerson.keySet().stream().sorted().forEach(person -> {
            Set<Object> ids = personIds.get(person);
            List<Record> theirs = prompts.stream()
                    .filter(prompt -> ids.contains(prompt.get("ownerId")))
                    .toList();
            people.add(Metrics.of(person, byPerson.get(person), clarity.getOrDefault(person, List.of()), theirs, days));
        });
        List<Map<String, Object>> teamFigures = new ArrayList<>();
        byTeam.keySet().stream().sorted().forEach(teamId -> {
            List<Record> theirs = prompts.stream()
                    .filter(prompt -> teamId.equals(teamOf(caller, prompt.get("ownerId"), teams)))
                    .toList();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("teamId", teamId.isEmpty() ? null : teamId);
            figures.putAll(teamNames(caller, teamId));
            figures.putAll(
                    Metrics.of(null, byTeam.get(teamId), teamClarity.getOrDefault(teamId, List.of()), theirs, days));
            teamFigures.add(figures);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", from);
        json.put("to", to);
        json.put("days", days);
        json.put(
                "team",
                Metrics.of(
                        null,
                        all,
                        clarity.values().stream().flatMap(List::stream).toList(),
                        prompts,
                        days));
        json.put("teams", teamFigures);
        json.put("people", people);
        return json;
    }

    /**
     * The team of a rep, or the team a manager leads; an empty text for someone in no team.
     *
     * @param known the teams found so far, by person id
     */
    private String teamOf(Caller caller, Object personId, Map<Object, String> known) {
        if (personId == null) {
            return "";
        }
        return known.computeIfAbsent(personId, id -> {
            try {
                Object team = records.get(caller, SalesTypes.REP, id.toString()).get("teamId");
                if (team != null) {
                    return team.toString();
                }
            } catch (RecordNotFoundException e) {
                // not a rep: a manager, whose team is the one they lead
            }
            List<Filter> led = List.of(new Filter("managerId", Operator.EQUALS, id.toString()));
            return records.list(caller, new RecordQuery(SalesTypes.TEAM, led, null, false, 0, 1)).items().stream()
                    .findFirst()
                    .map(Record::id)
                    .orElse("");
        });
    }

    private Map<String, Object> teamNames(Caller caller, String teamId) {
        Map<String, Object> names = new LinkedHashMap<>();
        if (teamId.isEmpty()) {
            names.put("code", null);
            names.put("name", null);
            return names;
        }
        Record team = records.get(caller, SalesTypes.TEAM, teamId);
        names.put("code", team.get("code"));
        names.put("name", team.get("name"));
        return names;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
