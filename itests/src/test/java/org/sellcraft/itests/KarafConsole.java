package org.sellcraft.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Karaf's own console over SSH, through {@code bin/client}, as an operator would use it. */
final class KarafConsole {

    private final Path home;
    private final String user;
    private final String password;

    private KarafConsole(Path home, String user, String password) {
        this.home = home;
        this.user = user;
        this.password = password;
    }

    /** Gives the unpacked distribution the console user {@code admin}, before its first start. */
    static KarafConsole prepare(Path home, String password) throws IOException {
        return prepare(home, "admin", password);
    }

    /** Gives the unpacked distribution a console user in the admin group, before its first start. */
    static KarafConsole prepare(Path home, String user, String password) throws IOException {
        Files.writeString(
                home.resolve("etc/users.properties"),
                user + " = " + password + ",_g_:admingroup\n",
                java.nio.file.StandardOpenOption.APPEND);
        return new KarafConsole(home, user, password);
    }

    /** Runs console commands and returns what they printed. */
    String run(String... commands) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(
                        home.resolve("bin/client").toString(), "-a", sshPort(), "-u", user, "-p", password, "-b")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = client.getOutputStream()) {
            in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + output);
        }
        return output;
    }

    private String sshPort() throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("etc/org.apache.karaf.shell.cfg"));
        String port = "8101";
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("sshPort")) {
                port = trimmed.substring(trimmed.indexOf('=') + 1).trim();
            }
        }
        return port;
    }
}
