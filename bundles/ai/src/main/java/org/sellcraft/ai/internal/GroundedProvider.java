package org.sellcraft.ai.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.sellcraft.api.ai.Fact;
import org.sellcraft.api.ai.ModelException;
import org.sellcraft.api.ai.ModelProvider;
import org.sellcraft.api.ai.ModelReply;
import org.sellcraft.api.ai.ModelRequest;

/**
 * The provider every installation has: it fills fixed English and Chinese templates with the facts, needs no
 * network and writes the same output for the same facts. It never writes a figure of its own, so its outputs pass
 * the grounding check by construction; the template texts hold no digits for that reason.
 */
@Component(service = ModelProvider.class)
public class GroundedProvider implements ModelProvider {

    static final String ID = "grounded";
    static final List<String> TEMPLATES = List.of(
            "renewal-talk-tracks",
            "addon-recommendations",
            "pre-visit-checklist",
            "post-visit-actions",
            "visit-notes",
            "strategy-brief",
            "fact-sheet");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ModelReply generate(ModelRequest request) {
        Templates templates = new Templates(request);
        List<Map<String, String>> items = new ArrayList<>();
        List<String> confirmations = new ArrayList<>();
        switch (request.template()) {
            case "renewal-talk-tracks" -> templates.renewal(items);
            case "addon-recommendations" -> templates.addOns(items);
            case "pre-visit-checklist" -> templates.preVisit(items);
            case "post-visit-actions" -> templates.postVisit(items, confirmations);
            case "visit-notes" -> templates.visitNotes(items, confirmations);
            case "strategy-brief" -> templates.strategyBrief(items);
            case "fact-sheet" -> templates.factSheet(items);
            default -> throw new ModelException("The grounded provider has no template '" + request.template()
                    + "'; its templates are " + TEMPLATES);
        }
        return new ModelReply(items, confirmations, "grounded-templates", 1);
    }

    /** The templates, reading facts by subject and key. */
    private static final class Templates {
        private final ModelRequest request;
        private final boolean zh;
        private final Map<String, Map<String, String>> bySubject = new LinkedHashMap<>();

        Templates(ModelRequest request) {
            this.request = request;
            this.zh = request.chinese();
            for (Fact fact : request.facts()) {
                bySubject
                        .computeIfAbsent(String.valueOf(fact.subject()), s -> new LinkedHashMap<>())
                        .put(fact.key(), fact.value());
            }
        }

        private Map<String, String> first() {
            return bySubject.entrySet().stream()
                    .filter(e -> !e.getKey().equals("null"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Map.of());
        }

        private String say(String en, String zhText) {
            return zh ? zhText : en;
        }

        private static Map<String, String> item(String... pairs) {
            Map<String, String> item = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                item.put(pairs[i], pairs[i + 1]);
            }
            return item;
        }

        void renewal(List<Map<String, String>> items) {
            Map<String, String> f = first();
            String name = f.get("customer.name");
            int cycles = Integer.parseInt(f.getOrDefault("cycles", "0"));
            List<String> gaps = new ArrayList<>();
            for (int i = 1; i <= cycles; i++) {
                gaps.add(f.get("cycle." + i + ".days"));
            }
            String span = cycles == 0 ? "" : f.get("cycle.1.from") + " – " + f.get("cycle." + cycles + ".to");
            String gapList = String.join(say(", ", "、"), gaps);
            String reason = f.get("health.reason.1");

            items.add(item(
                    "title", say("Keep the rhythm", "保持采购节奏"),
                    "text",
                            cycles == 0
                                    ? say(
                                            name + " has ordered once so far, on " + f.get("lastPurchase")
                                                    + ". Shall we agree when the next order should come?",
                                            name + " 目前只下过一次订单（" + f.get("lastPurchase") + "）。我们是否约定下一次订货的时间？")
                                    : say(
                                            "Your last orders came " + gapList + " days apart (" + span
                                                    + "); your usual gap is " + f.get("usualInterval")
                                                    + " days, and your last order was on " + f.get("lastPurchase")
                                                    + ", "
                                                    + f.get("daysSinceLastPurchase")
                                                    + " days ago. Shall we plan the next delivery now"
                                                    + " so you never run short?",
                                            "您最近几次订货的间隔分别为 " + gapList + " 天（" + span + "），通常间隔为 "
                                                    + f.get("usualInterval") + " 天；上次订货是 " + f.get("lastPurchase")
                                                    + "，已过去 "
                                                    + f.get("daysSinceLastPurchase") + " 天。要不要现在就安排下一批货，避免断货？"),
                    "rationale",
                            say(
                                    "Built on the last " + cycles + " purchase cycles of the order history.",
                                    "依据订单历史中最近 " + cycles + " 个采购周期。")));
            items.add(item(
                    "title", say("Build on what you buy", "巩固现有采购"),
                    "text",
                            say(
                                    "Over the last " + f.get("spendWindowDays") + " days your orders came to "
                                            + f.get("spend") + ", and you have placed " + f.get("purchases")
                                            + " orders with us in all. A renewal agreement keeps your prices"
                                            + " for the items you reorder most.",
                                    "过去 " + f.get("spendWindowDays") + " 天您的订货金额为 " + f.get("spend") + "，累计下单 "
                                            + f.get("purchases") + " 次。续约可以锁定您最常复购商品的价格。"),
                    "rationale",
                            say(
                                    "Net spend within the window and the purchase count, from customer health.",
                                    "来自客户健康度的窗口期净消费额与下单次数。")));
            items.add(item(
                    "title", say("Ask what has changed", "了解客户变化"),
                    "text",
                            reason == null
                                    ? say(
                                            "Your account is in good shape with us. Is anything changing"
                                                    + " on your side that we should plan for?",
                                            "您的账户状况良好。您那边是否有需要我们提前准备的变化？")
                                    : say(
                                            "We noticed this: " + reason
                                                    + " Is anything changing on your side that we should"
                                                    + " know about?",
                                            "我们注意到：" + reason + " 您那边是否有我们需要了解的变化？"),
                    "rationale",
                            say(
                                    "Health score " + f.get("health.score") + ", band " + f.get("health.band")
                                            + ": the main reason the score lost points.",
                                    "健康度得分 " + f.get("health.score") + "，等级 " + f.get("health.band") + "：扣分最多的原因。")));
        }

        void addOns(List<Map<String, String>> items) {
            bySubject.forEach((subject, f) -> {
                if (subject.equals("null")) {
                    return;
                }
                List<String> categories = numbered(f, "category.");
                List<String> products = numbered(f, "product.");
                String customer = f.get("customer.name") + " (" + f.get("customer.code") + ")";
                String productText = products.isEmpty()
                        ? say(
                                "no in-stock product of these categories that the customer has not bought yet",
                                "这些类别暂无该客户未买过的在售商品")
                        : String.join("; ", products);
                String pitch = products.isEmpty()
                        ? say(
                                "Your orders came to " + f.get("spend") + " over the period we looked at, most recently"
                                        + " on " + f.get("lastPurchase") + ". Let us look at your range "
                                        + categories.get(0) + " together and find what else fits your shelves.",
                                "在统计期内您的订货金额为 " + f.get("spend") + "，最近一次是 " + f.get("lastPurchase") + "。我们一起看看 "
                                        + categories.get(0) + " 系列，还有哪些商品适合您的货架。")
                        : say(
                                "Your orders came to " + f.get("spend") + " over the period we looked at, most recently"
                                        + " on " + f.get("lastPurchase") + ". You buy from range " + categories.get(0)
                                        + ": " + products.get(0) + " is selling well right now and would sit well"
                                        + " beside it.",
                                "在统计期内您的订货金额为 " + f.get("spend") + "，最近一次是 " + f.get("lastPurchase")
                                        + "。您常买 " + categories.get(0) + " 系列：" + products.get(0)
                                        + " 目前销售很好，和它搭配正合适。");
                items.add(item(
                        "customer", customer,
                        "categories", String.join(", ", categories),
                        "products", productText,
                        "pitch", pitch));
            });
        }

        void preVisit(List<Map<String, String>> items) {
            Map<String, String> f = first();
            int cycles = Integer.parseInt(f.getOrDefault("cycles", "0"));
            String lastGap = cycles == 0 ? null : f.get("cycle." + cycles + ".days");
            String category = f.getOrDefault("category.1", say("their usual range", "常购类别"));
            items.add(item(
                    "topic", say("Recent changes", "近期变化"),
                    "question",
                            lastGap == null
                                    ? say(
                                            "You last ordered on " + f.get("lastPurchase")
                                                    + ". What has changed in your" + " business since then?",
                                            "您上次订货是 " + f.get("lastPurchase") + "。此后您的业务有什么变化？")
                                    : say(
                                            "Your last order came " + lastGap
                                                    + " days after the one before, against a usual "
                                                    + f.get("usualInterval") + " days, and you last bought range "
                                                    + category
                                                    + " on "
                                                    + f.getOrDefault("category.1.lastBought", f.get("lastPurchase"))
                                                    + ". What has changed in your business since then?",
                                            "您最近一次订货距上一次 " + lastGap + " 天，而通常间隔为 " + f.get("usualInterval")
                                                    + " 天；您最近一次购买 " + category + " 系列是在 "
                                                    + f.getOrDefault("category.1.lastBought", f.get("lastPurchase"))
                                                    + "。此后您的业务有什么变化？"),
                    "basis", say("Purchase cycles and categories from the order history.", "订单历史中的采购周期与类别。")));
            items.add(item(
                    "topic", say("Our resource gaps", "我方资源缺口"),
                    "question",
                            say(
                                    "You have " + f.getOrDefault("openOpportunities", "0")
                                            + " open opportunities with us and "
                                            + f.getOrDefault("activities", "0")
                                            + " recorded contacts. Where could we support"
                                            + " you better: stock, delivery or range?",
                                    "您目前有 " + f.getOrDefault("openOpportunities", "0") + " 个进行中的商机，我们记录了 "
                                            + f.getOrDefault("activities", "0") + " 次联系。我们在库存、交付或品类上哪里可以做得更好？"),
                    "basis", say("Open opportunities and recorded activities.", "进行中的商机与已记录的活动。")));
            items.add(item(
                    "topic", say("Competitor signals", "竞争对手信号"),
                    "question",
                            say(
                                    "Are you buying range " + category
                                            + " elsewhere as well? Your orders with us came to " + f.get("spend")
                                            + " over the last " + f.get("spendWindowDays") + " days.",
                                    "您是否也在别处采购 " + category + " 系列？过去 " + f.get("spendWindowDays") + " 天您在我们这里的订货金额为 "
                                            + f.get("spend") + "。"),
                    "basis",
                            say(
                                    "Sellcraft holds no competitor data: ask, and record what you hear as an activity.",
                                    "系统中没有竞争对手数据：请当面询问，并把听到的信息记录为活动。")));
        }

        void postVisit(List<Map<String, String>> items, List<String> confirmations) {
            Map<String, String> f = first();
            String notes = notesOf();
            String firstSentence = sentences(notes).get(0);
            String opportunity = f.get("opportunity.1.name");
            items.add(item(
                    "action",
                            say(
                                    "Send the customer a written summary of the visit: \"" + firstSentence + "\"",
                                    "向客户发送拜访纪要：“" + firstSentence + "”"),
                    "owner", say("You", "您本人"),
                    "due", say("Within two working days", "两个工作日内"),
                    "judgement", say("The notes reflect what the customer agreed.", "纪要如实反映了客户认可的内容。")));
            items.add(item(
                    "action",
                    opportunity == null
                            ? say("Record an opportunity if the visit showed one", "如果拜访中发现了商机，请登记商机")
                            : say(
                                    "Move the opportunity \"" + opportunity + "\" on from stage "
                                            + f.get("opportunity.1.stage"),
                                    "推进商机“" + opportunity + "”（当前阶段：" + f.get("opportunity.1.stage") + "）"),
                    "owner",
                    say("You", "您本人"),
                    "due",
                    say("Before the next visit", "下次拜访前"),
                    "judgement",
                    opportunity == null
                            ? say("The visit showed no new opportunity.", "本次拜访没有发现新商机。")
                            : say(
                                    "The opportunity is still at stage " + f.get("opportunity.1.stage") + ".",
                                    "该商机仍处于 " + f.get("opportunity.1.stage") + " 阶段。")));
            items.add(item(
                    "action", say("Book the next contact with the customer", "预约下一次与客户的联系"),
                    "owner", say("You", "您本人"),
                    "due", say("This week", "本周内"),
                    "judgement", say("The customer wants a next contact.", "客户希望再次联系。")));
            items.forEach(action -> confirmations.add(action.get("judgement")));
        }

        void visitNotes(List<Map<String, String>> items, List<String> confirmations) {
            List<String> sentences = sentences(notesOf());
            List<String> commitments = sentences.stream()
                    .filter(s -> s.matches("(?is).*\\b(will|agree[sd]?|promise[sd]?|next)\\b.*|.*(将|同意|答应|下次).*"))
                    .toList();
            List<String> rest =
                    sentences.stream().filter(s -> !commitments.contains(s)).toList();
            items.add(item(
                    "section",
                    say("Summary", "概要"),
                    "text",
                    rest.isEmpty() ? sentences.get(0) : String.join(" ", rest)));
            items.add(item(
                    "section",
                    say("Commitments", "承诺事项"),
                    "text",
                    commitments.isEmpty()
                            ? say("No commitment was noted.", "纪要中没有承诺事项。")
                            : String.join(" ", commitments)));
            Map<String, String> f = first();
            items.add(item(
                    "section",
                    say("Customer", "客户"),
                    "text",
                    f.isEmpty()
                            ? say("No customer was named.", "未指定客户。")
                            : f.get("customer.name") + " (" + f.get("customer.code") + ")"));
            List<String> figures = Checks.figures(notesOf());
            confirmations.add(
                    figures.isEmpty()
                            ? say(
                                    "Risk: no quantity, price or date was noted; add them if any were agreed.",
                                    "风险：纪要中没有数量、价格或日期；如有约定请补充。")
                            : say(
                                    "Risk: check the figures noted (" + String.join(", ", figures)
                                            + ") against what was said.",
                                    "风险：请核对纪要中的数字（" + String.join("、", figures) + "）是否与现场所说一致。"));
            confirmations.add(say(
                    "Risk: check that each commitment names who does what, and that we may promise it.",
                    "风险：请确认每项承诺都写明了由谁做什么，并且是我们能够承诺的。"));
            confirmations.add(say(
                    "Risk: check names, titles and anything the customer said in confidence before sharing.",
                    "风险：分享前请核对姓名、职务，以及客户私下所说的内容。"));
        }

        /** A brief in four sections; every figure is a fact's value, the list facts are read by their number. */
        void strategyBrief(List<Map<String, String>> items) {
            Map<String, String> f = new LinkedHashMap<>();
            request.facts().forEach(fact -> f.put(fact.key(), fact.value()));
            String month = f.get("month");
            items.add(item(
                    "section", say("The month's business", "本月业务"),
                    "text",
                            say(
                                    "In " + month + " the " + f.get("customers") + " customers placed "
                                            + f.get("month.orders") + " orders worth " + f.get("month.spend")
                                            + " net; " + f.get("month.customersBuying") + " of them bought.",
                                    month + " 月，这 " + f.get("customers") + " 位客户共下单 " + f.get("month.orders")
                                            + " 笔，净额 " + f.get("month.spend") + "；其中 " + f.get("month.customersBuying")
                                            + " 位客户有采购。")));
            items.add(item(
                    "section", say("Health bands", "健康等级"),
                    "text",
                            say(
                                    "As of " + f.get("health.asOf") + ": " + f.get("band.healthy") + " healthy, "
                                            + f.get("band.watch") + " to watch, " + f.get("band.at-risk")
                                            + " at risk, " + f.get("band.churned") + " churned.",
                                    "截至 " + f.get("health.asOf") + "：健康 " + f.get("band.healthy") + " 位，关注 "
                                            + f.get("band.watch") + " 位，有流失风险 " + f.get("band.at-risk") + " 位，已流失 "
                                            + f.get("band.churned") + " 位。")));
            List<String> risks = new ArrayList<>();
            for (int i = 1; f.containsKey("atRisk." + i + ".customer"); i++) {
                String key = "atRisk." + i;
                String reason = f.get(key + ".reason");
                risks.add(say(
                        f.get(key + ".name") + " (" + f.get(key + ".customer") + "): " + f.get(key + ".band")
                                + ", score " + f.get(key + ".score") + ", " + f.get(key + ".valueAtStake")
                                + " at stake" + (reason == null ? "" : " – " + reason),
                        f.get(key + ".name") + "（" + f.get(key + ".customer") + "）：" + f.get(key + ".band") + "，得分 "
                                + f.get(key + ".score") + "，涉及金额 " + f.get(key + ".valueAtStake")
                                + (reason == null ? "" : "——" + reason)));
            }
            items.add(item(
                    "section",
                    say("Customers at risk", "风险客户"),
                    "text",
                    risks.isEmpty()
                            ? say("No customer is at risk or churned.", "没有客户处于流失风险或已流失。")
                            : say(
                                    f.get("atRisk") + " customers are at risk or churned, with "
                                            + f.get("atRisk.valueAtStake") + " at stake. The largest: "
                                            + String.join("; ", risks) + ".",
                                    f.get("atRisk") + " 位客户有流失风险或已流失，涉及金额 " + f.get("atRisk.valueAtStake") + "。金额最大的："
                                            + String.join("；", risks) + "。")));
            List<String> renewals = new ArrayList<>();
            for (int i = 1; f.containsKey("renewal." + i + ".customer"); i++) {
                String key = "renewal." + i;
                renewals.add(say(
                        f.get(key + ".customer") + " by " + f.get(key + ".due") + " (last order "
                                + f.get(key + ".lastPurchase") + ", usually every " + f.get(key + ".usualInterval")
                                + " days)",
                        f.get(key + ".customer") + " 应于 " + f.get(key + ".due") + " 前续订（上次订货 "
                                + f.get(key + ".lastPurchase") + "，通常每 " + f.get(key + ".usualInterval") + " 天一次）"));
            }
            items.add(item(
                    "section",
                    say("Renewals due", "到期续订"),
                    "text",
                    renewals.isEmpty()
                            ? say("No renewal falls due in " + month + ".", month + " 月没有到期的续订。")
                            : say(
                                    f.get("renewalsDue") + " customers are due to order again in " + month
                                            + ". The first: " + String.join("; ", renewals) + ".",
                                    f.get("renewalsDue") + " 位客户应在 " + month + " 月再次订货。最早的："
                                            + String.join("；", renewals) + "。")));
        }

        void factSheet(List<Map<String, String>> items) {
            List<Fact> facts = request.facts();
            int count = Math.max(1, request.items());
            for (int i = 0; i < count; i++) {
                int index = i;
                String text = facts.stream()
                        .filter(fact -> facts.indexOf(fact) % count == index)
                        .map(fact -> label(fact) + ": " + fact.value())
                        .collect(Collectors.joining("; "));
                Map<String, String> item = new LinkedHashMap<>();
                request.fields().forEach(field -> item.put(field, text.isEmpty() ? field : text));
                items.add(item);
            }
        }

        /** A fact's key without its ordinal numbers, which are not figures of the data. */
        private static String label(Fact fact) {
            return fact.key().replaceAll("\\.\\d+", "");
        }

        private String notesOf() {
            return request.facts().stream()
                    .filter(fact -> fact.key().equals("notes"))
                    .map(Fact::value)
                    .findFirst()
                    .orElseThrow(() -> new ModelException("This template needs the rep's notes: add the 'notes' step"));
        }

        private static List<String> sentences(String text) {
            List<String> sentences = new ArrayList<>();
            for (String sentence : text.split("(?<=[.!?。！？])\\s*")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
            return sentences.isEmpty() ? List.of(text.strip()) : sentences;
        }

        private static List<String> numbered(Map<String, String> facts, String prefix) {
            List<String> values = new ArrayList<>();
            for (int i = 1; facts.containsKey(prefix + i); i++) {
                values.add(facts.get(prefix + i));
            }
            return values;
        }
    }
}
