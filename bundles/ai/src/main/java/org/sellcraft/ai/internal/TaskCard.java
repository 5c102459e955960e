package org.sellcraft.ai.internal;

import java.util.List;
import java.util.Map;

/**
 * One kind of AI task: what it needs, which facts it gathers, how it writes and what its output must pass.
 *
 * @param id the card's id, lower-case letters, digits and dashes
 * @param scenario one of {@link #SCENARIOS}
 * @param nameEn the card's name in English
 * @param nameZh the card's name in Chinese
 * @param inputs what a person gives when running it
 * @param steps the data steps, in order; a parameter value {@code $name} stands for the input of that name
 * @param template the output template a template provider fills
 * @param instruction what to write, in plain words, for a language model
 * @param output the shape of the output
 * @param checks the checks every output must pass, of {@link Checks#KINDS}
 * @param author the user who wrote the card, or {@code null} for a built-in one
 */
record TaskCard(
        String id,
        String scenario,
        String nameEn,
        String nameZh,
        List<Input> inputs,
        List<Step> steps,
        String template,
        String instruction,
        Output output,
        List<String> checks,
        String author) {

    static final List<String> SCENARIOS = List.of(
            "new-customer",
            "renewal",
            "competitor-interception",
            "visit-preparation",
            "visit-follow-up",
            "account-strategy",
            "custom");

    TaskCard {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        steps = steps == null ? List.of() : List.copyOf(steps);
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    boolean builtIn() {
        return author == null;
    }

    /**
     * An input of the card.
     *
     * @param name how steps refer to it
     * @param kind one of {@link #KINDS}: {@code month} is written {@code yyyy-MM}, {@code owner} is the code of a
     *     rep, a team or a manager, {@code region} the code or name of a region, {@code category} a product
     *     category or stock-code family
     * @param required whether a run without it is refused
     * @param defaultValue the value when none is given, or {@code null}
     */
    record Input(String name, String kind, boolean required, String defaultValue) {
        static final List<String> KINDS =
                List.of("customer", "region", "category", "days", "number", "date", "month", "owner", "text");
    }

    /**
     * A data step of the card.
     *
     * @param step the step's name, see {@link DataSteps}
     * @param params its parameters
     */
    record Step(String step, Map<String, String> params) {
        Step {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /**
     * The shape of the output.
     *
     * @param fields the fields of every item
     * @param items how many items, or 0 for one per selected customer
     * @param confirmations how many points a person must confirm the output lists
     * @param signer who signs the output off: {@code rep} (the person who ran it, or their manager) or
     *     {@code manager} for a report only a manager or an administrator signs
     */
    record Output(List<String> fields, int items, int confirmations, String signer) {
        static final List<String> SIGNERS = List.of("rep", "manager");

        Output {
            fields = fields == null ? List.of() : List.copyOf(fields);
            signer = signer == null || signer.isBlank() ? "rep" : signer;
        }

        /** An output the person who ran it signs off. */
        Output(List<String> fields, int items, int confirmations) {
            this(fields, items, confirmations, "rep");
        }

        boolean managerSigns() {
            return "manager".equals(signer);
        }
    }
}
