package org.sellcraft.api.ai;

import java.util.List;
import java.util.Objects;

/**
 * What a provider is asked to write.
 *
 * @param template the output template, for example {@code renewal-talk-tracks}; template providers fill the one of
 *     this name, language models read it as a hint only
 * @param instruction what to write, in plain words, for a language model
 * @param language {@code en} or {@code zh-CN}
 * @param facts everything the task gathered; the output may use no other figure
 * @param fields the fields every item has, for example {@code title}, {@code text}, {@code rationale}
 * @param items how many items to write
 * @param confirmations how many points a person must confirm the output should list, 0 for none
 */
public record ModelRequest(
        String template,
        String instruction,
        String language,
        List<Fact> facts,
        List<String> fields,
        int items,
        int confirmations) {

    public ModelRequest {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(language, "language");
        facts = List.copyOf(facts);
        fields = List.copyOf(fields);
    }

    /** Returns whether the output is to be written in Chinese. */
    public boolean chinese() {
        return language.startsWith("zh");
    }
}
