package org.sellcraft.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    @Test
    void servesOnlyKnownKindsOfFileInsideTheConsoleFolders() {
        assertTrue(ConsoleServlet.isSafe("/app.js"));
        assertTrue(ConsoleServlet.isSafe("/modules/leaderboard/page.js"));
        assertTrue(ConsoleServlet.isSafe("/i18n/zh-CN.json"));

        assertFalse(ConsoleServlet.isSafe("/../OSGI-INF/x.xml"));
        assertFalse(ConsoleServlet.isSafe("/modules/x/../../META-INF/MANIFEST.MF"));
        assertFalse(ConsoleServlet.isSafe("/org/sellcraft/web/internal/ConsoleServlet.class"));
        assertFalse(ConsoleServlet.isSafe("/a\\b.js"));
        assertFalse(ConsoleServlet.isSafe("//etc/passwd.txt"));
        assertFalse(ConsoleServlet.isSafe("relative.js"));
    }
}
