package org.sellcraft.ai.internal;

import java.util.List;
import java.util.Map;
import org.sellcraft.ai.internal.TaskCard.Input;
import org.sellcraft.ai.internal.TaskCard.Output;
import org.sellcraft.ai.internal.TaskCard.Step;

/** The cards every installation has. */
final class BuiltInCards {

    private static final List<String> ALL_CHECKS = List.of("item-count", "required-fields", "grounding");
    private static final List<String> WITH_CONFIRMATIONS =
            List.of("item-count", "required-fields", "grounding", "confirmations");

    private BuiltInCards() {}

    static List<TaskCard> all() {
        return List.of(renewal(), addOns(), preVisit(), postVisit(), visitNotes(), strategyBrief());
    }

    private static Input customer() {
        return new Input("customer", "customer", true, null);
    }

    private static Step step(String name, String... params) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return new Step(name, map);
    }

    static TaskCard renewal() {
        return new TaskCard(
                "renewal-talk-tracks",
                "renewal",
                "Renewal talk tracks",
                "续约话术",
                List.of(customer()),
                List.of(
                        step("customer", "customer", "$customer"),
                        step("purchase-cycles", "cycles", "3"),
                        step("health-explanation")),
                "renewal-talk-tracks",
                "Write three renewal talk tracks for this customer, built on their last three purchase cycles, their"
                        + " spend and the main reason of their health score; give each track a title and its"
                        + " rationale.",
                new Output(List.of("title", "text", "rationale"), 3, 0),
                ALL_CHECKS,
                null);
    }

    static TaskCard addOns() {
        return new TaskCard(
                "addon-recommendations",
                "new-customer",
                "Add-on recommendations",
                "增购推荐",
                List.of(
                        new Input("top", "number", false, "200"),
                        new Input("months", "number", false, "6"),
                        new Input("asOf", "date", false, null)),
                List.of(step("addon-candidates", "top", "$top", "months", "$months", "asOf", "$asOf")),
                "addon-recommendations",
                "For each customer, name their last three categories and in-stock products of those categories they"
                        + " have not bought, and write one personal pitch that uses their spend and last purchase.",
                new Output(List.of("customer", "categories", "products", "pitch"), 0, 0),
                ALL_CHECKS,
                null);
    }

    static TaskCard preVisit() {
        return new TaskCard(
                "pre-visit-checklist",
                "visit-preparation",
                "Pre-visit checklist",
                "拜访前清单",
                List.of(customer()),
                List.of(
                        step("customer", "customer", "$customer"),
                        step("purchase-cycles", "cycles", "3"),
                        step("categories-bought", "last", "3"),
                        step("open-opportunities"),
                        step("activities", "last", "5"),
                        step("health-explanation")),
                "pre-visit-checklist",
                "Write three questions for the visit: the customer's recent changes, our resource gaps and competitor"
                        + " signals; give the facts each question rests on.",
                new Output(List.of("topic", "question", "basis"), 3, 0),
                ALL_CHECKS,
                null);
    }

    static TaskCard postVisit() {
        return new TaskCard(
                "post-visit-actions",
                "visit-follow-up",
                "Post-visit action table",
                "拜访后行动表",
                List.of(customer(), new Input("notes", "text", true, null)),
                List.of(
                        step("customer", "customer", "$customer"),
                        step("open-opportunities"),
                        step("notes", "text", "$notes")),
                "post-visit-actions",
                "From the rep's notes, write three follow-up actions with owner and due time, and for each the"
                        + " judgement it rests on, which the rep must confirm.",
                new Output(List.of("action", "owner", "due", "judgement"), 3, 3),
                WITH_CONFIRMATIONS,
                null);
    }

    static TaskCard visitNotes() {
        return new TaskCard(
                "visit-notes",
                "visit-follow-up",
                "Visit notes draft",
                "拜访纪要草稿",
                List.of(customer(), new Input("notes", "text", true, null)),
                List.of(step("customer", "customer", "$customer"), step("notes", "text", "$notes")),
                "visit-notes",
                "Turn the rep's raw notes into visit notes with a summary, the commitments and the customer, and mark"
                        + " three risk points the rep must correct or confirm.",
                new Output(List.of("section", "text"), 3, 3),
                WITH_CONFIRMATIONS,
                null);
    }

    static TaskCard strategyBrief() {
        return new TaskCard(
                "customer-strategy-brief",
                "account-strategy",
                "Monthly customer strategy brief",
                "月度客户策略简报",
                List.of(new Input("owner", "owner", false, null), new Input("month", "month", false, null)),
                List.of(step("customer-portfolio", "owner", "$owner", "month", "$month", "list", "5")),
                "strategy-brief",
                "Write a monthly strategy brief on the customers of the owner for their manager: the month's business,"
                        + " the health bands, the customers at risk with the value at stake and their main reason, and"
                        + " the renewals due in the month; give each section a text built on the facts only.",
                new Output(List.of("section", "text"), 4, 0, "manager"),
                ALL_CHECKS,
                null);
    }
}
