package org.sellcraft.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the first administrator, as the start script chose it: from {@code SELLCRAFT_ADMIN_PASSWORD}, or
 * from the file the script leaves in {@code etc/} (readable by its owner only) until the platform has created the
 * administrator. The file is what lets a first start that was stopped early keep the password the script printed,
 * which the console already accepts, instead of the platform making up a second one.
 */
final class InitialAdminPassword {

    static final String VARIABLE = "SELLCRAFT_ADMIN_PASSWORD";
    static final String FILE_NAME = "sellcraft-initial-admin.password";

    private static final Logger LOG = LoggerFactory.getLogger(InitialAdminPassword.class);

    private final String variable;
    private final Path file;

    /** A password from the environment's variable and the file, either of which may be null. */
    InitialAdminPassword(String variable, Path file) {
        this.variable = variable;
        this.file = file;
    }

    /** The one of this Karaf instance: its environment, and the file in {@code karaf.etc}. */
    static InitialAdminPassword ofThisInstance() {
        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        return new InitialAdminPassword(System.getenv(VARIABLE), etc.resolve(FILE_NAME));
    }

    /** The chosen password, if the script chose one. */
    Optional<String> chosen() {
        if (variable != null && !variable.isBlank()) {
            return Optional.of(variable);
        }
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            LOG.warn("Could not read the first administrator's password from '{}'", file, e);
            return Optional.empty();
        }
    }

    /** Deletes the file once the administrator exists: the platform keeps only the password's hash. */
    void forget() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete '{}'; delete it by hand, it holds the first administrator's password", file, e);
        }
    }
}
