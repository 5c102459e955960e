package org.sellcraft.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminPasswordTest {

    @TempDir
    Path etc;

    @Test
    void theVariableComesBeforeTheFile() throws Exception {
        Path file = Files.writeString(etc.resolve(InitialAdminPassword.FILE_NAME), "from-the-file-123\n");

        assertEquals(Optional.of("from-the-env-456"), new InitialAdminPassword("from-the-env-456", file).chosen());
    }

    @Test
    void aFirstStartThatWasStoppedEarlyFindsThePrintedPasswordInTheFileAndForgetsIt() throws Exception {
        Path file = Files.writeString(etc.resolve(InitialAdminPassword.FILE_NAME), "from-the-file-123\n");
        InitialAdminPassword password = new InitialAdminPassword(null, file);

        assertEquals(Optional.of("from-the-file-123"), password.chosen());
        password.forget();
        assertFalse(Files.exists(file));
        assertEquals(Optional.empty(), password.chosen());
    }

    @Test
    void withNeitherThePlatformMakesOneUp() {
        assertEquals(
                Optional.empty(), new InitialAdminPassword(" ", etc.resolve(InitialAdminPassword.FILE_NAME)).chosen());
    }
}
