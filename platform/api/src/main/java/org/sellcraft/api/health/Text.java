package org.sellcraft.api.health;

import java.util.Locale;
import java.util.Objects;

/**
 * Text shown to people, in English and in simplified Chinese.
 *
 * @param en the English text
 * @param zh the simplified Chinese text
 */
public record Text(String en, String zh) {

    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    /** Returns the text in the given language: Chinese for {@code zh} and its variants, English otherwise. */
    public String in(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? zh : en;
    }
}
