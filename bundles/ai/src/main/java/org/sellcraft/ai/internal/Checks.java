package org.sellcraft.ai.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelReply;

/**
 * The checks an output must pass.
 *
 * <ul>
 *   <li>{@code item-count}: as many items as the card asks for, or one per selected customer;
 *   <li>{@code required-fields}: every item has a value for every field of the output format;
 *   <li>{@code grounding}: every figure in the output is among the facts. A figure is a date ({@code 2011-12-09})
 *       or a number; thousands separators and trailing zeros do not matter, and a fact's number rounded to at most
 *       two decimals counts as the same figure;
 *   <li>{@code confirmations}: the output lists the points a person must confirm, as many as the card asks for.
 * </ul>
 */
final class Checks {

    static final List<String> KINDS = List.of("item-count", "required-fields", "grounding", "confirmations");

    private static final Pattern FIGURE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    private Checks() {}

    /**
     * One check's result.
     *
     * @param check the check's kind
     * @param passed whether the output passed it
     * @param detail what was found, naming the items, fields or figures at fault
     */
    record Result(String check, boolean passed, String detail) {}

    static List<Result> run(TaskCard card, int subjects, ModelReply reply, List<Fact> facts) {
        List<Result> results = new ArrayList<>();
        for (String kind : card.checks()) {
            results.add(
                    switch (kind) {
                        case "item-count" -> itemCount(card, subjects, reply);
                        case "required-fields" -> requiredFields(card, reply);
                        case "grounding" -> grounding(reply, facts);
                        case "confirmations" -> confirmations(card, reply);
                        default -> throw new IllegalArgumentException("Unknown check '" + kind + "'");
                    });
        }
        return results;
    }

    static int expectedItems(TaskCard card, int subjects) {
        return card.output().items() > 0 ? card.output().items() : subjects;
    }

    private static Result itemCount(TaskCard card, int subjects, ModelReply reply) {
        int expected = expectedItems(card, subjects);
        int actual = reply.items().size();
        return new Result("item-count", actual == expected, actual + " items, " + expected + " required");
    }

    private static Result requiredFields(TaskCard card, ModelReply reply) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < reply.items().size(); i++) {
            Map<String, String> item = reply.items().get(i);
            for (String field : card.output().fields()) {
                String value = item.get(field);
                if (value == null || value.isBlank()) {
                    missing.add("item " + (i + 1) + " '" + field + "'");
                }
            }
        }
        return new Result(
                "required-fields",
                missing.isEmpty(),
                missing.isEmpty() ? "every item has every field" : "missing: " + String.join(", ", missing));
    }

    private static Result confirmations(TaskCard card, ModelReply reply) {
        int expected = card.output().confirmations();
        long given = reply.confirmations().stream().filter(c -> !c.isBlank()).count();
        return new Result(
                "confirmations", given >= expected, given + " points to confirm listed, " + expected + " required");
    }

    static Result grounding(ModelReply reply, List<Fact> facts) {
        Set<String> known = new HashSet<>();
        for (Fact fact : facts) {
            for (String figure : figures(fact.value())) {
                known.addAll(variants(figure));
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        reply.items().forEach(item -> texts.addAll(item.values()));
        texts.addAll(reply.confirmations());
        for (String text : texts) {
            for (String figure : figures(text)) {
                if (!known.contains(normal(figure))) {
                    unknown.add(figure);
                }
            }
        }
        return new Result(
                "grounding",
                unknown.isEmpty(),
                unknown.isEmpty()
                        ? "every figure is among the facts"
                        : "figures not among the facts: " + String.join(", ", unknown));
    }

    /** The figures written in a text, as written. */
    static List<String> figures(String text) {
        List<String> figures = new ArrayList<>();
        if (text == null) {
            return figures;
        }
        Matcher matcher = FIGURE.matcher(text);
        while (matcher.find()) {
            figures.add(matcher.group());
        }
        return figures;
    }

    private static String normal(String figure) {
        if (figure.length() == 10 && figure.charAt(4) == '-') {
            return figure;
        }
        return new BigDecimal(figure.replace(",", "")).stripTrailingZeros().toPlainString();
    }

    /** A fact's figure as written, and rounded to zero, one and two decimals. */
    private static Set<String> variants(String figure) {
        String normal = normal(figure);
        Set<String> variants = new HashSet<>();
        variants.add(normal);
        if (!normal.contains("-")) {
            BigDecimal value = new BigDecimal(normal);
            for (int scale = 0; scale <= 2; scale++) {
                variants.add(value.setScale(scale, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString());
            }
        }
        return variants;
    }
}
