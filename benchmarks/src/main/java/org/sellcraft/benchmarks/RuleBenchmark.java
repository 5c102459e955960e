package org.sellcraft.benchmarks;

import static org.sellcraft.api.record.FieldDef.field;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.Evaluation;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.automation.internal.AutomationServiceImpl;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * Rule evaluations per second for 10, 100 and 1,000 active late-delivery clauses against the stream of the 10,324
 * SCMS shipment events, on the real engine and durable store. Two layouts of the same clauses: one rule per
 * partner contract, indexed by the partner it is about (how contract clauses are saved), and the same rules written
 * as conditions on the partner, which every event has to evaluate. Each event reads its record from the store; each
 * firing is written to the evaluation log.
 *
 * <p>Run: {@code mvn -pl benchmarks -am package exec:exec@rules -DskipTests}
 */
public final class RuleBenchmark {

    private static final DateTimeFormatter SCMS_DATE = new DateTimeFormatterBuilder()
            .appendPattern("d-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
            .toFormatter(Locale.ENGLISH);
    private static final RecordType SHIPMENT = new RecordType(
            "shipment",
            "shipments",
            "Shipment",
            "发货",
            List.of(
                    field("reference", FieldKind.TEXT).required().build(),
                    field("partnerId", FieldKind.TEXT).build(),
                    field("promisedAt", FieldKind.DATETIME).build(),
                    field("deliveredAt", FieldKind.DATETIME).build()),
            List.of("reference"));
    private static final String LATE = "time:hours(promisedAt, deliveredAt) > 48";

    private RuleBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path scms = Paths.get(System.getProperty("sellcraft.data", "../shared/data"))
                .resolve("scms-delivery/SCMS_Delivery_History_Dataset.csv");
        Path work = Paths.get(System.getProperty("benchmark.workdir", "target/bench"))
                .resolve("rules");
        delete(work);
        Files.createDirectories(work);

        MapDbRecordStore store = new MapDbRecordStore(work.resolve("store"));
        try {
            List<RecordType> types = new ArrayList<>(AutomationServiceImpl.recordTypes());
            types.add(SHIPMENT);
            CoreRecordTypes registry = new CoreRecordTypes(types);
            RecordServiceImpl records = new RecordServiceImpl(store, registry);
            List<String> vendors = new ArrayList<>();
            List<String> events = load(records, scms, vendors);
            System.out.printf(
                    "%,d shipment events from %d vendors; clauses: delivered more than 48 hours late%n",
                    events.size(), vendors.size());
            System.out.printf(
                    "%-22s %6s %12s %16s %14s %8s%n",
                    "layout", "rules", "events/s", "evaluations/s", "µs per event", "firings");
            for (boolean indexed : List.of(true, false)) {
                for (int rules : List.of(10, 100, 1_000)) {
                    run(records, registry, events, vendors, rules, indexed);
                }
            }
        } finally {
            store.close();
            delete(work);
        }
    }

    private static List<String> load(RecordServiceImpl records, Path scms, List<String> vendors) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        try (Reader in = Files.newBufferedReader(scms, StandardCharsets.UTF_8)) {
            in.skip(1);
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                String vendor = RecordIds.fromKey("partner", row.get("Vendor"));
                seen.add(vendor);
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("reference", "scms-" + row.get("ID"));
                fields.put("partnerId", vendor);
                fields.put("promisedAt", day(row.get("Scheduled Delivery Date")));
                fields.put("deliveredAt", day(row.get("Delivered to Client Date")));
                rows.add(fields);
            }
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            records.upsert(Caller.system(), "shipment", rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        vendors.addAll(seen);
        return rows.stream()
                .map(r -> RecordIds.fromKey("shipment", r.get("reference")))
                .toList();
    }

    private static java.time.Instant day(String text) {
        return LocalDate.parse(text, SCMS_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void run(
            RecordServiceImpl records,
            CoreRecordTypes registry,
            List<String> events,
            List<String> vendors,
            int count,
            boolean indexed) {
        AutomationServiceImpl engine = new AutomationServiceImpl(records, registry, Clock.systemUTC());
        AtomicLong acted = new AtomicLong();
        engine.addAction(new ActionHandler() {
            @Override
            public String type() {
                return "count";
            }

            @Override
            public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
                acted.incrementAndGet();
                return "counted";
            }
        });
        String layout = indexed ? "clause per partner" : "condition on partner";
        for (int i = 0; i < count; i++) {
            // The first rules bind the vendors in the stream; the others partners whose shipments are elsewhere.
            String partner = i < vendors.size() ? vendors.get(i) : "partner-" + i;
            Trigger trigger = Trigger.onRecord("shipment", "CREATED", "deliveredAt");
            String condition = LATE;
            if (indexed) {
                trigger = trigger.about("partnerId", partner);
            } else {
                condition = "partnerId == '" + partner + "' && " + LATE;
            }
            engine.save(
                    Caller.system(),
                    Rule.draft(
                            (indexed ? "p" : "c") + count + "-" + i,
                            "late",
                            null,
                            trigger,
                            condition,
                            List.of(new RuleAction("count", Map.of()))));
        }

        for (String id : events) {
            engine.onRecordEvent("shipment", id, "CREATED");
        }
        acted.set(0);
        long evaluations = 0;
        long start = System.nanoTime();
        for (String id : events) {
            List<Evaluation> done = engine.onRecordEvent("shipment", id, "CREATED");
            evaluations += done.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-22s %6d %,12.0f %,16.0f %14.1f %8d%n",
                layout,
                count,
                events.size() / seconds,
                evaluations / seconds,
                seconds * 1e6 / events.size(),
                acted.get());
    }

    private static void delete(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
