package org.sellcraft.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One unpacked Sellcraft distribution, started as a real process on free ports, the way an operator starts it.
 */
final class SellcraftProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "system-test-admin-1";

    private final Path home;
    private final int httpPort;
    private Process process;

    private SellcraftProcess(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh copy of the distribution under the work folder and moves it to free ports. */
    static SellcraftProcess unpack(String name) throws IOException, InterruptedException {
        Path archive = Paths.get(System.getProperty("sellcraft.distribution"));
        Path target =
                Paths.get(System.getProperty("sellcraft.workdir", "target/it")).resolve(name);
        deleteTree(target);
        Files.createDirectories(target);
        run(List.of("tar", "xzf", archive.toString(), "-C", target.toString(), "--strip-components=1"));

        int http = freePort();
        setProperty(target.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(target.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        setProperty(
                target.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(
                target.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        return new SellcraftProcess(target, http);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path home() {
        return home;
    }

    /**
     * Starts the platform and waits until the API answers. On a loaded machine Karaf's first boot has been seen to
     * stall after restarting its own features service; a second start from the same folder then completes, so a
     * stalled first boot is retried once, loudly.
     */
    ApiClient start() throws IOException, InterruptedException {
        try {
            return startOnce(Duration.ofSeconds(90));
        } catch (StartTimeout stalled) {
            System.err.println("Sellcraft did not answer within 90 s; starting it once more: " + stalled.getMessage());
            stop();
            return startOnce(Duration.ofSeconds(120));
        }
    }

    /** The API did not answer in time. */
    private static final class StartTimeout extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StartTimeout(String message) {
            super(message);
        }
    }

    private ApiClient startOnce(Duration patience) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        builder.environment().put("SELLCRAFT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_MAX_MEM", "1024m");
        process = builder.start();

        ApiClient client = new ApiClient(baseUrl());
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sellcraft stopped while starting; see " + home.resolve("console.out"));
            }
            if (client.answers()) {
                return client;
            }
            Thread.sleep(250);
        }
        throw new StartTimeout(
                "The API did not answer within " + patience.toSeconds() + " s; see " + home.resolve("data/log"));
    }

    /** Returns the process id of the platform's Java virtual machine, a child of the start script. */
    long javaPid() {
        return process.descendants()
                .filter(handle -> handle.info().command().orElse("").endsWith("java"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The platform's Java process is not running"))
                .pid();
    }

    /** Stops the platform cleanly: the start script does not exec Java, so its children get the signal. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg) : List.of();
        List<String> kept = lines.stream()
                .filter(line ->
                        !line.trim().startsWith(key + " ") && !line.trim().startsWith(key + "="))
                .toList();
        Files.write(
                cfg,
                Stream.concat(kept.stream(), Stream.of(key + " = " + value)).toList());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder(command).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + command);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
