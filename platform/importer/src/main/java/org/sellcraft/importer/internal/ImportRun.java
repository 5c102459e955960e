package org.sellcraft.importer.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sellcraft.api.importing.ImportListener;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.Rejection;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.UpsertResult;
import org.sellcraft.api.service.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import job on its own thread: reads the file row by row, maps and validates each row, and stores the rows in
 * batches, each in one transaction with the related records it needs, on a writer thread while the next batch is
 * read. A batch the record service refuses is retried record by record, so one bad record does not lose the rest.
 * A strict job reads the file twice: first to validate every row, then to store them.
 */
final class ImportRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
    private static final String STOPPED = "The import was stopped because the importer shut down";

    private final JobState job;
    private final Caller caller;
    private final ImportRequest request;
    private final ImportMapping mapping;
    private final int batchSize;
    private final RecordService records;
    private final Function<String, RecordType> types;
    private final ImportListener listener;
    private final RejectionReport report;
    private final BooleanSupplier stopping;
    // Read by the reader as it gathers a batch and filled by the writer as it stores one.
    private final Set<String> knownRelated = ConcurrentHashMap.newKeySet();
    private MappingPlan plan;

    /**
     * What a run needs besides its job and request.
     *
     * @param stopping tells the run to stop between two rows. Shutting down never interrupts the thread: an
     *     interrupt during a file-channel write closes the channel, and with it the record store, for everyone.
     */
    record Context(
            RecordService records,
            Function<String, RecordType> types,
            int batchSize,
            Path report,
            BooleanSupplier stopping) {}

    ImportRun(
            JobState job,
            Caller caller,
            ImportRequest request,
            ImportMapping mapping,
            Context context,
            ImportListener listener) {
        this.job = job;
        this.caller = caller;
        this.request = request;
        this.mapping = mapping;
        this.batchSize = request.batchSize() > 0 ? request.batchSize() : context.batchSize();
        this.records = context.records();
        this.types = context.types();
        this.listener = listener;
        this.report = new RejectionReport(context.report());
        this.stopping = context.stopping();
    }

    @Override
    public void run() {
        if (stopping.getAsBoolean()) {
            job.finished("The importer shut down before the import began");
            logSummary(job.snapshot().error());
            return;
        }
        job.started();
        String failure = null;
        try (report) {
            failure = importFile();
        } catch (ImportFailure e) {
            failure = e.getMessage();
        } catch (IOException e) {
            failure = "File '" + request.fileName() + "' cannot be read: " + e.getMessage();
        } catch (RuntimeException e) {
            failure = "The import stopped on an unexpected error; the log has the details";
            LOG.error("Import {} of '{}' stopped", job.id(), request.fileName(), e);
        }
        job.finished(failure);
        logSummary(failure);
    }

    private String importFile() throws IOException {
        if (!request.strict()) {
            pass(true, 0, 100);
            return null;
        }
        pass(false, 0, 50);
        if (job.rejected() > 0) {
            return "Strict import refused: " + job.rejected() + " row(s) rejected, nothing stored; "
                    + "see the rejection report";
        }
        pass(true, 50, 50);
        return null;
    }

    private void pass(boolean store, double start, double share) throws IOException {
        try (Table table = Table.open(request.file(), request.fileName(), request.charset())) {
            plan = MappingPlan.bind(mapping, types, table.header(), request.fileName());
            job.pass(table.charset(), plan.ignoredColumns(), start, share);
            if (request.strict() && !plan.ignoredColumns().isEmpty()) {
                throw new ImportFailure("Strict import refused: mapping '" + mapping.name()
                        + "' does not use the column(s) " + MappingPlan.quoted(plan.ignoredColumns()));
            }
            readRows(table, store);
        }
    }

    private void readRows(Table table, boolean store) throws IOException {
        if (!store) {
            readRows(table, null);
            return;
        }
        try (BatchWriter writer = new BatchWriter(job.id(), this::write)) {
            readRows(table, writer::submit);
        }
    }

    /** Reads every row; hands each full batch, and the last one, to {@code full}, or stores nothing when it is null. */
    private void readRows(Table table, Consumer<Batch> full) throws IOException {
        Map<String, Long> occurrences = new HashMap<>();
        Map<String, Long> firstLines = new HashMap<>();
        Batch batch = new Batch();
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            if (stopping.getAsBoolean()) {
                throw new ImportFailure(STOPPED);
            }
            MappedRow mapped = unique(mapped(row, occurrences), firstLines);
            job.read(table.progress());
            if (mapped == null || full == null) {
                continue;
            }
            if (batch.full(batchSize, mapped.id())) {
                full.accept(batch);
                batch = new Batch();
            }
            batch.add(mapped, knownRelated);
        }
        if (full != null) {
            full.accept(batch);
        }
    }

    private MappedRow mapped(Table.Row row, Map<String, Long> occurrences) {
        RowProblem problem = row.problem();
        if (problem == null) {
            try {
                return plan.map(row.line(), row.values(), occurrences);
            } catch (RowProblem e) {
                problem = e;
            }
        }
        reject(new Rejection(row.line(), problem.column(), problem.value(), problem.reason()));
        return null;
    }

    /**
     * Refuses a second row for the same record when rows are whole records: two rows with one opportunity id are
     * a mistake in the file, not an update. Rows that are lines of one record (an invoice) share their key by design.
     */
    private MappedRow unique(MappedRow mapped, Map<String, Long> firstLines) {
        if (mapped == null || mapped.linePart() != null) {
            return mapped;
        }
        Long first = firstLines.putIfAbsent(mapped.id(), mapped.line());
        if (first == null) {
            return mapped;
        }
        List<String> key = plan.type().keyFields();
        String column = plan.columnOf(key.get(0));
        Object value = mapped.fields().get(key.get(0));
        reject(new Rejection(
                mapped.line(),
                column,
                value == null ? null : value.toString(),
                "Duplicate key: line " + first + " holds the same "
                        + plan.type().name() + " " + key));
        return null;
    }

    /** Called by the reader for rows it refuses and by the writer for records the store refuses. */
    private synchronized void reject(Rejection rejection) {
        Rejection shortened = new Rejection(
                rejection.line(), rejection.column(), RejectionReport.shortened(rejection.value()), rejection.reason());
        report.add(shortened);
        job.rejected(shortened);
    }

    private void write(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            batch.records().forEach(p -> rows.add(plan.withLines(p.fields(), p.lines())));
            UpsertResult stored = store(batch.related(null), rows);
            job.committed(batch.rows(), stored);
            LOG.debug("Import {} stored {} rows as {} records: {}", job.id(), batch.rows(), rows.size(), stored);
        } catch (ValidationException e) {
            LOG.debug(
                    "Import {}: the record service refused a batch ({}); storing it record by record",
                    job.id(),
                    e.getMessage());
            writeOneByOne(batch);
        }
        notifyListener();
    }

    private void writeOneByOne(Batch batch) {
        for (Batch.Pending pending : batch.records()) {
            try {
                Map<String, Object> row = plan.withLines(pending.fields(), pending.lines());
                job.committed(pending.fileLines().size(), store(batch.related(pending), List.of(row)));
            } catch (ValidationException e) {
                String column = plan.columnOf(e.field());
                for (long line : pending.fileLines()) {
                    reject(new Rejection(line, column, e.value(), e.getMessage()));
                }
            }
        }
    }

    /**
     * Stores rows with the related records they need in one transaction, the related ones first. Related records
     * are created when absent and otherwise left as they are: each is looked up once per job.
     */
    private UpsertResult store(List<MappedRow.Related> candidates, List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
        for (MappedRow.Related record : candidates) {
            if (!knownRelated.contains(record.id()) && !exists(record)) {
                byType.computeIfAbsent(record.type(), t -> new ArrayList<>()).add(record.fields());
            }
        }
        byType.computeIfAbsent(plan.type().name(), t -> new ArrayList<>()).addAll(rows);

        UpsertResult total = new UpsertResult(0, 0, 0);
        for (UpsertResult result : records.upsertAll(caller, byType).values()) {
            total = sum(total, result);
        }
        candidates.forEach(record -> knownRelated.add(record.id()));
        return total;
    }

    private boolean exists(MappedRow.Related record) {
        try {
            records.get(caller, record.type(), record.id());
            return true;
        } catch (RecordNotFoundException e) {
            return false;
        }
    }

    private void notifyListener() {
        if (listener == null) {
            return;
        }
        try {
            listener.batchCommitted(job.snapshot());
        } catch (RuntimeException e) {
            LOG.warn("Import {}: a progress listener failed", job.id(), e);
        }
    }

    private static UpsertResult sum(UpsertResult a, UpsertResult b) {
        return new UpsertResult(a.inserted() + b.inserted(), a.updated() + b.updated(), a.unchanged() + b.unchanged());
    }

    private void logSummary(String failure) {
        var done = job.snapshot();
        String outcome = failure == null ? "done" : "failed (" + failure + ")";
        LOG.info(
                "Import {} of '{}' with mapping '{}' {}: {} rows read, {} stored, {} rejected; "
                        + "{} records inserted, {} updated, {} unchanged; {} rows/s",
                job.id(),
                request.fileName(),
                mapping.name(),
                outcome,
                done.rowsRead(),
                done.rowsCommitted(),
                done.rejected(),
                done.inserted(),
                done.updated(),
                done.unchanged(),
                Math.round(done.rowsPerSecond()));
    }
}
