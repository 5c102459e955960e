package org.sellcraft.ai.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;

/**
 * The state of one run while its data steps gather facts: who runs it, with which inputs, the facts found so far
 * and the customers the task is about.
 */
final class Gathering {

    final Caller caller;
    final String language;
    final Map<String, String> inputs;
    final List<Fact> facts = new ArrayList<>();
    /** The customers the task is about, by account id, in the order they were selected. */
    final Map<String, Record> subjects = new LinkedHashMap<>();

    Gathering(Caller caller, String language, Map<String, String> inputs) {
        this.caller = caller;
        this.language = language;
        this.inputs = Map.copyOf(inputs);
    }

    boolean chinese() {
        return language.startsWith("zh");
    }

    void fact(String subject, String key, Object value, String query) {
        facts.add(new Fact(subject, key, String.valueOf(value), query));
    }

    /** The one customer of a single-customer task. */
    Record customer() {
        if (subjects.isEmpty()) {
            throw new IllegalStateException("This step needs a customer: put the 'customer' step before it");
        }
        return subjects.values().iterator().next();
    }

    static String code(Record account) {
        Object code = account.get("code");
        return code == null ? account.id() : code.toString();
    }
}
