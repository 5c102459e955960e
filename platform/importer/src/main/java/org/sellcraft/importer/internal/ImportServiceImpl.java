package org.sellcraft.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportListener;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.ImportService;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs imports one at a time on a background thread (later ones wait in line), remembers the latest jobs for
 * progress queries and writes each job's rejection report to its own folder.
 */
@Component(service = ImportService.class, configurationPid = "org.sellcraft.importer")
@Designate(ocd = ImportServiceImpl.Config.class)
public class ImportServiceImpl implements ImportService, AutoCloseable {

    private static final List<String> BUILT_IN = List.of(
            "maven-crm-accounts",
            "maven-crm-products",
            "maven-crm-teams",
            "maven-crm-pipeline",
            "uci-online-retail",
            "tmall-orders");
    private static final String REPORT_NAME = "rejections.csv";

    @ObjectClassDefinition(name = "Sellcraft importer", description = "How file imports run and where they report")
    public @interface Config {

        @AttributeDefinition(
                name = "Batch size",
                description = "Rows stored per transaction when a request names no batch size")
        int batchSize() default 10_000;

        @AttributeDefinition(
                name = "Jobs folder",
                description =
                        "Where each job's rejection report is written; empty means <karaf.data>/sellcraft/imports")
        String jobsDirectory() default "";

        @AttributeDefinition(
                name = "Jobs remembered",
                description = "How many of the latest jobs can still be asked for their progress and report")
        int retainedJobs() default 50;
    }

    private final RecordService records;
    private final RecordTypeRegistry types;
    private final Path jobsDirectory;
    private final int batchSize;
    private final int retainedJobs;
    private final MappingReader mappings;
    private final List<ImportMapping> builtIn;
    /** Mappings that modules publish for the files of their domain; they come and go with the modules. */
    private final List<ImportMapping> contributed = new CopyOnWriteArrayList<>();

    private final Map<String, JobState> jobs = new LinkedHashMap<>();
    private static final Logger LOG = LoggerFactory.getLogger(ImportServiceImpl.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final ExecutorService executor;
    private volatile boolean stopping;

    @Activate
    public ImportServiceImpl(
            Config config,
            @Reference(name = "records") RecordService records,
            @Reference(name = "types") RecordTypeRegistry types) {
        this(records, types, jobsDirectory(config.jobsDirectory()), config.batchSize(), config.retainedJobs());
    }

    /**
     * Creates an importer outside a framework.
     *
     * @param jobsDirectory where the jobs' rejection reports go, one folder per job
     * @param batchSize rows per stored batch when a request names none
     * @param retainedJobs how many of the latest jobs are remembered
     */
    public ImportServiceImpl(
            RecordService records, RecordTypeRegistry types, Path jobsDirectory, int batchSize, int retainedJobs) {
        if (batchSize < 1 || retainedJobs < 1) {
            throw new IllegalArgumentException("Batch size and jobs remembered must be at least 1");
        }
        this.records = records;
        this.types = types;
        this.jobsDirectory = jobsDirectory;
        this.batchSize = batchSize;
        this.retainedJobs = retainedJobs;
        this.mappings = new MappingReader(types::byName);
        this.builtIn = BUILT_IN.stream().map(ImportServiceImpl::builtInMapping).toList();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sellcraft-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Path jobsDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("karaf.data", "data"), "sellcraft", "imports");
    }

    private static ImportMapping builtInMapping(String name) {
        String resource = "/mappings/" + name + ".json";
        try (InputStream in = ImportServiceImpl.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks its mapping " + resource);
            }
            return MappingReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mapping " + resource, e);
        }
    }

    @Reference(
            name = "mappings",
            service = ImportMapping.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addMapping(ImportMapping mapping) {
        contributed.add(mapping);
        LOG.debug("Import mapping '{}' is available", mapping.name());
    }

    void removeMapping(ImportMapping mapping) {
        contributed.remove(mapping);
    }

    /** Stops the running job after its current row, ends the waiting ones, and waits for the last batch to land. */
    @Deactivate
    @Override
    public void close() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("An import was still writing {} s after the importer began to stop", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ImportJob start(Caller caller, ImportRequest request, ImportListener listener) {
        ImportMapping mapping = mappings.check(mappingOf(request));
        checkReadable(request);

        JobState job = new JobState(UUID.randomUUID().toString(), request.fileName(), mapping.name(), caller.userId());
        remember(job);

        Path report = jobsDirectory.resolve(job.id()).resolve(REPORT_NAME);
        ImportRun.Context context = new ImportRun.Context(records, this::recordType, batchSize, report, () -> stopping);
        executor.execute(new ImportRun(job, caller, request, mapping, context, listener));
        return job.snapshot();
    }

    private ImportMapping mappingOf(ImportRequest request) {
        if (request.mapping() != null) {
            return request.mapping();
        }
        List<ImportMapping> available = mappings();
        return available.stream()
                .filter(m -> m.name().equals(request.mappingName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mapping '" + request.mappingName()
                        + "'; the available ones are "
                        + MappingPlan.quoted(
                                available.stream().map(ImportMapping::name).toList())));
    }

    private static void checkReadable(ImportRequest request) {
        if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
            throw new IllegalArgumentException("Cannot read the file '" + request.fileName() + "'");
        }
        if (request.batchSize() < 0) {
            throw new IllegalArgumentException("The batch size must not be negative: " + request.batchSize());
        }
        if (request.charset() != null && !isCharset(request.charset())) {
            throw new IllegalArgumentException("Unknown charset '" + request.charset() + "'");
        }
    }

    private static boolean isCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private RecordType recordType(String name) {
        return types.byName(name)
                .orElseThrow(() -> new ImportFailure("Record type '" + name + "' is no longer available"));
    }

    // Forgets the oldest finished jobs beyond the number remembered; running and waiting ones stay.
    private synchronized void remember(JobState job) {
        jobs.put(job.id(), job);
        Iterator<JobState> oldest = jobs.values().iterator();
        while (jobs.size() > retainedJobs && oldest.hasNext()) {
            if (oldest.next().finished()) {
                oldest.remove();
            }
        }
    }

    @Override
    public synchronized Optional<ImportJob> job(String id) {
        return Optional.ofNullable(jobs.get(id)).map(JobState::snapshot);
    }

    @Override
    public synchronized List<ImportJob> jobs() {
        List<ImportJob> newestFirst = new ArrayList<>();
        jobs.values().forEach(job -> newestFirst.add(0, job.snapshot()));
        return newestFirst;
    }

    @Override
    public synchronized Optional<ImportJob> job(Caller caller, String id) {
        return Optional.ofNullable(jobs.get(id))
                .filter(job -> mayRead(caller, job))
                .map(JobState::snapshot);
    }

    @Override
    public synchronized List<ImportJob> jobs(Caller caller) {
        List<ImportJob> newestFirst = new ArrayList<>();
        jobs.values().stream().filter(job -> mayRead(caller, job)).forEach(job -> newestFirst.add(0, job.snapshot()));
        return newestFirst;
    }

    /** Administrators and the platform see every job; anyone else the jobs they started. */
    private static boolean mayRead(Caller caller, JobState job) {
        return caller.isSystem()
                || caller.hasRole(Roles.ADMIN)
                || caller.userId().equals(job.startedBy());
    }

    @Override
    public synchronized Optional<Path> rejectionReport(String jobId) {
        if (!jobs.containsKey(jobId)) {
            return Optional.empty();
        }
        Path report = jobsDirectory.resolve(jobId).resolve(REPORT_NAME);
        return Files.exists(report) ? Optional.of(report) : Optional.empty();
    }

    @Override
    public List<ImportMapping> mappings() {
        List<ImportMapping> available = new ArrayList<>(builtIn);
        available.addAll(contributed);
        return available;
    }

    @Override
    public ImportMapping parseMapping(String json) {
        return mappings.check(MappingReader.read(json));
    }
}
