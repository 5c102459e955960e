package org.sellcraft.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Roles;

/** Every label of the console exists in English and in Chinese. */
class MessagesTest {

    private static final Path CONSOLE = Paths.get("src/main/resources/console");
    private static final Pattern KEY = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'");

    private static Map<String, String> messages(String lang) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> map = new ObjectMapper()
                .readValue(CONSOLE.resolve("i18n/" + lang + ".json").toFile(), Map.class);
        return map;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyLabel() throws IOException {
        Map<String, String> en = messages("en");
        Map<String, String> zh = messages("zh-CN");

        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
        en.forEach((key, value) -> assertTrue(!value.isBlank(), "empty English label " + key));
        zh.forEach((key, value) -> assertTrue(!value.isBlank(), "empty Chinese label " + key));
    }

    @Test
    void everyLabelThePagesAskForExists() throws IOException {
        Set<String> known = messages("en").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".js") && !f.toString().contains("/lib/"))
                    .toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyStageAndRoleHasALabel() throws IOException {
        Set<String> known = messages("zh-CN").keySet();

        SalesTypes.STAGES.forEach(stage -> assertTrue(known.contains("stage." + stage), stage));
        Roles.ALL.forEach(role -> {
            assertTrue(known.contains("role." + role), role);
            assertTrue(known.contains("role." + role + ".about"), role);
        });
    }

    @Test
    void chineseLabelsAreChinese() throws IOException {
        Map<String, String> zh = messages("zh-CN");
        long withHan = zh.values().stream()
                .filter(value ->
                        value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();

        assertTrue(withHan >= zh.size() - 5, "labels without Chinese characters: " + (zh.size() - withHan));
    }
}
