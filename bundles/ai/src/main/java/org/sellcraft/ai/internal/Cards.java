package org.sellcraft.ai.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sellcraft.api.service.ValidationException;

/**
 * Validation of the cards people write, and their clarity score.
 *
 * <p>The clarity score, 0 to 100, is the sum of four parts of 25 points:
 *
 * <ul>
 *   <li>inputs: 25 times the share of declared inputs that a step or the instruction uses; 0 without inputs;
 *   <li>output format: 15 for at least two fields per item, 10 for a set item count: a fixed count, or one item
 *       per customer when a step selects the customers ({@code customer}, {@code select-customers},
 *       {@code addon-candidates}); one item per customer without such a step sets no count;
 *   <li>checks: about 8 points each for item count, required fields and grounding;
 *   <li>specificity: 10 for an instruction of at least 80 characters, 8 when it names an output field, 7 for at
 *       least two data steps.
 * </ul>
 */
final class Cards {

    /** The clarity score's definition, for people who read the score. */
    static final Map<String, String> CLARITY_DEFINITION = Map.of(
            "en",
            "0-100, four parts of 25: inputs (share of declared inputs used by a step or the instruction), output"
                    + " format (15 for two or more fields, 10 for a set item count: a fixed count, or one item per"
                    + " customer when a step selects the customers), checks (about 8 each for item"
                    + " count, required fields and grounding), specificity (10 for an instruction of 80 characters or"
                    + " more, 8 when it names an output field, 7 for two or more data steps)",
            "zh-CN",
            "0-100 分，由四部分各 25 分组成：输入（已声明输入中被数据步骤或说明使用的比例）、输出格式（两个及以上字段得 15 分，"
                    + "设定条目数得 10 分：固定条目数，或有选择客户的数据步骤时每位客户一条）、检查（条目数、必填字段、数据依据各约 8 分）、具体程度（说明不少于 80 个字符得 10 分，"
                    + "提到输出字段得 8 分，两个及以上数据步骤得 7 分）");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");
    private static final int MAX_ITEMS = 50;
    private static final Set<String> CUSTOMER_STEPS = Set.of("customer", "select-customers", "addon-candidates");

    private Cards() {}

    /**
     * Refuses a card that cannot run: an unknown scenario, input kind, step, template or check, a step parameter
     * that names no input, a missing required parameter, an output without fields, or no grounding check.
     *
     * @throws ValidationException naming the field and the value at fault
     */
    static void validate(TaskCard card) {
        require(
                card.id() != null && ID.matcher(card.id()).matches(),
                "id",
                card.id(),
                "must be 3 to 64 lower-case letters, digits or '-', starting with a letter");
        require(
                TaskCard.SCENARIOS.contains(card.scenario()),
                "scenario",
                card.scenario(),
                "must be one of " + TaskCard.SCENARIOS);
        require(card.nameEn() != null && !card.nameEn().isBlank(), "nameEn", card.nameEn(), "a name is required");
        require(card.nameZh() != null && !card.nameZh().isBlank(), "nameZh", card.nameZh(), "a name is required");

        Set<String> inputs = new HashSet<>();
        for (int i = 0; i < card.inputs().size(); i++) {
            TaskCard.Input input = card.inputs().get(i);
            String where = "inputs[" + i + "]";
            require(
                    input.name() != null && input.name().matches("[a-zA-Z][a-zA-Z0-9]*"),
                    where + ".name",
                    input.name(),
                    "must be letters and digits");
            require(inputs.add(input.name()), where + ".name", input.name(), "is declared twice");
            require(
                    TaskCard.Input.KINDS.contains(input.kind()),
                    where + ".kind",
                    input.kind(),
                    "must be one of " + TaskCard.Input.KINDS);
        }
        require(!card.steps().isEmpty(), "steps", null, "a card needs at least one data step");
        for (int i = 0; i < card.steps().size(); i++) {
            validateStep(card.steps().get(i), "steps[" + i + "]", inputs);
        }
        require(
                GroundedProvider.TEMPLATES.contains(card.template()),
                "template",
                card.template(),
                "must be one of " + GroundedProvider.TEMPLATES);
        require(
                card.output() != null && card.output().fields().size() >= 1,
                "output.fields",
                null,
                "the output needs at least one field");
        require(
                card.output().items() >= 0 && card.output().items() <= MAX_ITEMS,
                "output.items",
                String.valueOf(card.output().items()),
                "must be 0 (one per customer) to " + MAX_ITEMS);
        require(
                card.output().confirmations() >= 0 && card.output().confirmations() <= MAX_ITEMS,
                "output.confirmations",
                String.valueOf(card.output().confirmations()),
                "must be 0 to " + MAX_ITEMS);
        require(
                TaskCard.Output.SIGNERS.contains(card.output().signer()),
                "output.signer",
                card.output().signer(),
                "must be one of " + TaskCard.Output.SIGNERS);
        for (String check : card.checks()) {
            require(Checks.KINDS.contains(check), "checks", check, "must be one of " + Checks.KINDS);
        }
        require(
                card.checks().contains("grounding"),
                "checks",
                String.join(",", card.checks()),
                "every card checks grounding: add 'grounding'");
    }

    private static void validateStep(TaskCard.Step step, String where, Set<String> inputs) {
        DataSteps.StepInfo info = DataSteps.CATALOGUE.get(step.step());
        require(info != null, where + ".step", step.step(), "must be one of " + DataSteps.CATALOGUE.keySet());
        for (String required : info.required()) {
            require(step.params().containsKey(required), where + ".params." + required, null, "is required");
        }
        for (Map.Entry<String, String> param : step.params().entrySet()) {
            require(
                    info.required().contains(param.getKey()) || info.optional().contains(param.getKey()),
                    where + ".params",
                    param.getKey(),
                    "is not a parameter of '" + step.step() + "'");
            String value = param.getValue();
            if (value != null && value.startsWith("$")) {
                require(
                        inputs.contains(value.substring(1)),
                        where + ".params." + param.getKey(),
                        value,
                        "names no declared input");
            }
        }
    }

    private static void require(boolean holds, String field, String value, String reason) {
        if (!holds) {
            throw new ValidationException(field, value, reason);
        }
    }

    /** The card's clarity score from 0 to 100, see the class comment. */
    static int clarity(TaskCard card) {
        String instruction = card.instruction() == null ? "" : card.instruction();
        double score = 0;

        if (!card.inputs().isEmpty()) {
            long used = card.inputs().stream()
                    .filter(input -> instruction.contains(input.name())
                            || card.steps().stream()
                                    .anyMatch(step -> step.params().containsValue("$" + input.name())))
                    .count();
            score += 25.0 * used / card.inputs().size();
        }

        TaskCard.Output output = card.output();
        if (output != null) {
            score += output.fields().size() >= 2 ? 15 : 0;
            score += output.items() > 0 || selectsCustomers(card) ? 10 : 0;
        }

        for (String check : List.of("item-count", "required-fields", "grounding")) {
            score += card.checks().contains(check) ? 25.0 / 3 : 0;
        }

        score += instruction.length() >= 80 ? 10 : 0;
        score += output != null && output.fields().stream().anyMatch(instruction::contains) ? 8 : 0;
        score += card.steps().size() >= 2 ? 7 : 0;
        return (int) Math.round(score);
    }

    /** Whether a step of the card selects the customers, so that one item per customer is a set count. */
    private static boolean selectsCustomers(TaskCard card) {
        return card.steps().stream().anyMatch(step -> CUSTOMER_STEPS.contains(step.step()));
    }
}
