package org.sellcraft.ecosystem.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.automation.RuleAction;
import org.sellcraft.api.automation.Trigger;

/**
 * The clause templates a contract is made of. Each clause is business wording in English and Chinese plus the
 * automation rules that carry it out. A contract names one partner, whose rules then concern only that partner, or
 * none, and applies to every partner its trigger sees.
 */
final class ContractTemplates {

    static final String SATISFACTION = "service-satisfaction";
    static final String LATE_DELIVERY = "supplier-late-delivery";
    static final String IDLE_EQUIPMENT = "contractor-idle-equipment";

    /** Why a partner was frozen, so that only this clause lifts its own freeze. */
    static final String SATISFACTION_CODE = "satisfaction";

    /** The leasing offer sent when no leasing offer record is valid; administrators change it in the rule. */
    static final String LEASING_OFFER =
            "Lease your idle equipment through the platform: ask your partner manager for the current rates.";

    /**
     * One template.
     *
     * @param id the template's name
     * @param wordingEn the clause as it reads in the contract, in English
     * @param wordingZh the same in Chinese
     */
    record Template(String id, String wordingEn, String wordingZh) {}

    static final List<Template> ALL = List.of(
            new Template(
                    SATISFACTION,
                    "When fewer than 85% of the satisfaction surveys of a month (at least 5 surveys) score 4 or 5, the "
                            + "service provider's new work orders are frozen and an improvement pack is sent; the "
                            + "freeze is lifted when a later month is back at 85% or above.",
                    "当某月满意度调查（至少 5 份）中 4 分及以上的比例低于 85% 时，冻结该服务商的新工单并发送改进资料包；" + "之后某月回到 85% 及以上时解除冻结。"),
            new Template(
                    LATE_DELIVERY,
                    "A supplier delivery that arrives more than 48 hours after its promised time alerts the buyer, "
                            + "marks the production schedule it affects and holds payment approval for that delivery.",
                    "供应商交付晚于承诺时间 48 小时以上时，通知采购方，标记受影响的生产计划，并暂停该笔交付的付款审批。"),
            new Template(
                    IDLE_EQUIPMENT,
                    "Equipment idle more than 65% of the time for 3 days in a row sends the contractor the nearby "
                            + "open projects and the current leasing offer.",
                    "设备连续 3 天闲置时间超过 65% 时，向承包商发送附近的开放项目和当前的租赁优惠。"));

    private ContractTemplates() {}

    static Optional<Template> template(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The rules of a clause.
     *
     * @param code the contract's code; rule ids start with it
     * @param partnerId the partner the contract binds, or {@code null} for every partner
     */
    static List<Rule> rules(Template template, String code, String partnerId) {
        return switch (template.id()) {
            case SATISFACTION -> satisfaction(template, code, partnerId);
            case LATE_DELIVERY -> lateDelivery(template, code, partnerId);
            case IDLE_EQUIPMENT -> idleEquipment(template, code, partnerId);
            default -> throw new IllegalArgumentException("Unknown contract template '" + template.id() + "'");
        };
    }

    private static Trigger about(Trigger trigger, String partnerId) {
        return partnerId == null ? trigger : trigger.about("partnerId", partnerId);
    }

    private static List<Rule> satisfaction(Template template, String code, String partnerId) {
        Trigger monthly = about(Trigger.every(Trigger.Schedule.MONTHLY, SatisfactionSource.NAME), partnerId);
        Rule freeze = Rule.draft(
                code + "-freeze",
                "Satisfaction below 85%: freeze new work orders",
                template.wordingEn(),
                monthly,
                "surveys >= 5 && satisfaction < 0.85",
                List.of(
                        new RuleAction(
                                "freeze-partner",
                                Map.of(
                                        "partner", "{partnerId}",
                                        "code", SATISFACTION_CODE,
                                        "rule", code + "-freeze",
                                        "reasonEn",
                                                "Satisfaction in {month} was {satisfactionPct}% "
                                                        + "({satisfied} of {surveys} surveys at 4 or 5), below 85%",
                                        "reasonZh",
                                                "{month} 满意度为 {satisfactionPct}%"
                                                        + "（{surveys} 份调查中 {satisfied} 份为 4 分及以上），低于 85%")),
                        new RuleAction(
                                "send-pack",
                                Map.of("partner", "{partnerId}", "title", "Service improvement pack ({month})"))));
        Rule unfreeze = Rule.draft(
                code + "-unfreeze",
                "Satisfaction back at 85%: lift the freeze",
                template.wordingEn(),
                monthly,
                "surveys >= 5 && satisfaction >= 0.85",
                List.of(new RuleAction(
                        "unfreeze-partner", Map.of("partner", "{partnerId}", "code", SATISFACTION_CODE))));
        return List.of(freeze, unfreeze);
    }

    private static List<Rule> lateDelivery(Template template, String code, String partnerId) {
        Trigger recorded = about(Trigger.onRecord(EcosystemTypes.DELIVERY, "CREATED", "deliveredAt"), partnerId);
        String reason = "delivered {deliveredAt}, promised {promisedAt}: more than 48 hours late";
        return List.of(Rule.draft(
                code + "-late",
                "Supplier delivery more than 48 hours late",
                template.wordingEn(),
                recorded,
                // A delivery that names no supplier is a customer delivery, not a supplier's.
                "partnerId != null && deliveredAt != null && time:hours(promisedAt, deliveredAt) > 48",
                List.of(
                        new RuleAction(
                                "notify", Map.of("role", "manager", "message", "Delivery {reference} " + reason)),
                        new RuleAction("mark-schedule", Map.of("delivery", "{id}")),
                        new RuleAction("hold-payment", Map.of("delivery", "{id}", "reason", reason)))));
    }

    /**
     * Fires on the third idle day in a row, once per run of idle days: a machine idle for a week is offered work
     * once, not every day.
     */
    private static List<Rule> idleEquipment(Template template, String code, String partnerId) {
        Trigger daily = about(Trigger.every(Trigger.Schedule.DAILY, IdleEquipmentSource.NAME), partnerId);
        return List.of(Rule.draft(
                code + "-idle",
                "Equipment idle more than 65% for 3 days",
                template.wordingEn(),
                daily,
                "partnerId != null && idleDaysInARow == 3",
                List.of(new RuleAction(
                        IdleEquipmentOffer.TYPE,
                        Map.of(
                                "partner", "{partnerId}",
                                "equipment", "{equipmentCode}",
                                "region", "{regionId}",
                                "day", "{day}",
                                "offer", LEASING_OFFER,
                                "title", "Open projects near {equipmentCode} and the current leasing offer")))));
    }
}
