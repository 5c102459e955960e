package org.sellcraft.ecosystem.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.util.List;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.sales.SalesTypes;

/**
 * The ecosystem's record types. Every type carries {@code partnerId}, the field the access policy's partner scope
 * reads: a partner's users see the records shared with their organisation and nothing else. A partner record
 * points to itself, so that its users see their own organisation. A partner's {@code ownerId} is the rep who looks
 * after it, and who is told when its API access is cut.
 */
final class EcosystemTypes {

    static final String PARTNER = "partner";
    static final String WORK_ORDER = "work-order";
    static final String DELIVERY = "delivery";
    static final String SURVEY = "survey";
    static final String JOINT_PROJECT = "joint-project";
    static final String CONTRACT = "contract";
    static final String DOCUMENT = "shared-document";
    static final String EQUIPMENT = "equipment";
    static final String EQUIPMENT_USAGE = "equipment-usage";
    static final String LEASING_OFFER = "leasing-offer";

    static final String ACTIVE = "active";
    static final String FROZEN = "frozen";

    private static FieldDef partnerRef() {
        return field("partnerId", FieldKind.REFERENCE)
                .references(PARTNER)
                .filterable()
                .build();
    }

    static final RecordType PARTNER_TYPE = new RecordType(
            PARTNER,
            "partners",
            "Partner",
            "合作伙伴",
            List.of(
                    field("code", FieldKind.TEXT).required().filterable().build(),
                    field("name", FieldKind.TEXT).filterable().build(),
                    field("partnerType", FieldKind.TEXT)
                            .required()
                            .filterable()
                            .oneOf("dealer", "service-provider", "logistics", "supplier", "contractor")
                            .build(),
                    field("regionId", FieldKind.TEXT).filterable().build(),
                    field("city", FieldKind.TEXT).build(),
                    field("contactEmail", FieldKind.TEXT)
                            .classed(FieldClass.SENSITIVE)
                            .build(),
                    field("status", FieldKind.TEXT)
                            .filterable()
                            .oneOf(ACTIVE, FROZEN)
                            .build(),
                    field("frozenCode", FieldKind.TEXT).build(),
                    field("frozenReasonEn", FieldKind.TEXT).build(),
                    field("frozenReasonZh", FieldKind.TEXT).build(),
                    field("frozenSince", FieldKind.DATETIME).build(),
                    field("frozenBy", FieldKind.TEXT)
                            .classed(FieldClass.INTERNAL)
                            .build(),
                    field("ownerId", FieldKind.REFERENCE)
                            .references(SalesTypes.REP)
                            .filterable()
                            .build(),
                    partnerRef()),
            List.of("code"));

    static final RecordType WORK_ORDER_TYPE = new RecordType(
            WORK_ORDER,
            "work-orders",
            "Work order",
            "工单",
            List.of(
                    field("orderId", FieldKind.TEXT).required().filterable().build(),
                    field("itemNo", FieldKind.INTEGER).required().build(),
                    partnerRef(),
                    field("kind", FieldKind.TEXT)
                            .filterable()
                            .oneOf("installation", "repair", "fulfilment")
                            .build(),
                    field("status", FieldKind.TEXT)
                            .filterable()
                            .oneOf("open", "closed")
                            .build(),
                    field("productId", FieldKind.TEXT).build(),
                    field("dueAt", FieldKind.DATETIME).filterable().build(),
                    field("closedAt", FieldKind.DATETIME).build(),
                    field("price", FieldKind.DECIMAL).build(),
                    field("freight", FieldKind.DECIMAL).build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("orderId", "itemNo"));

    static final RecordType DELIVERY_TYPE = new RecordType(
            DELIVERY,
            "deliveries",
            "Delivery",
            "交付",
            List.of(
                    field("reference", FieldKind.TEXT).required().filterable().build(),
                    field("source", FieldKind.TEXT).filterable().build(),
                    field("orderId", FieldKind.TEXT).filterable().build(),
                    partnerRef(),
                    field("status", FieldKind.TEXT).filterable().build(),
                    field("purchasedAt", FieldKind.DATETIME).filterable().build(),
                    field("promisedAt", FieldKind.DATETIME).filterable().build(),
                    field("deliveredAt", FieldKind.DATETIME).filterable().build(),
                    field("country", FieldKind.TEXT).filterable().build(),
                    field("mode", FieldKind.TEXT).build(),
                    field("productGroup", FieldKind.TEXT).build(),
                    field("lineValue", FieldKind.DECIMAL)
                            .classed(FieldClass.INTERNAL)
                            .build(),
                    field("unitCost", FieldKind.DECIMAL)
                            .classed(FieldClass.SECRET)
                            .build(),
                    field("paymentHold", FieldKind.BOOLEAN).filterable().build(),
                    field("paymentHoldReason", FieldKind.TEXT).build(),
                    field("scheduleAffected", FieldKind.BOOLEAN).build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("reference"));

    static final RecordType SURVEY_TYPE = new RecordType(
            SURVEY,
            "surveys",
            "Satisfaction survey",
            "满意度调查",
            List.of(
                    field("reviewId", FieldKind.TEXT).required().build(),
                    field("orderId", FieldKind.TEXT).required().filterable().build(),
                    field("score", FieldKind.INTEGER).required().filterable().build(),
                    partnerRef(),
                    field("sentAt", FieldKind.DATETIME).filterable().build(),
                    field("answeredAt", FieldKind.DATETIME).build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("reviewId", "orderId"));

    static final RecordType JOINT_PROJECT_TYPE = new RecordType(
            JOINT_PROJECT,
            "joint-projects",
            "Joint project",
            "联合项目",
            List.of(
                    field("code", FieldKind.TEXT).required().filterable().build(),
                    field("name", FieldKind.TEXT).build(),
                    field("status", FieldKind.TEXT).build(),
                    partnerRef(),
                    field("parties", FieldKind.LINES)
                            .parts(
                                    field("party", FieldKind.TEXT).required().build(),
                                    field("contribution", FieldKind.DECIMAL).build(),
                                    field("weight", FieldKind.DECIMAL).build(),
                                    field("role", FieldKind.TEXT).build())
                            .build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("code"));

    static final RecordType CONTRACT_TYPE = new RecordType(
            CONTRACT,
            "contracts",
            "Contract",
            "合同",
            List.of(
                    field("code", FieldKind.TEXT).required().filterable().build(),
                    partnerRef(),
                    field("template", FieldKind.TEXT).required().filterable().build(),
                    field("wordingEn", FieldKind.TEXT).build(),
                    field("wordingZh", FieldKind.TEXT).build(),
                    field("ruleIds", FieldKind.TEXT).build(),
                    field("signedAt", FieldKind.DATETIME).build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("code"));

    static final RecordType DOCUMENT_TYPE = new RecordType(
            DOCUMENT,
            "shared-documents",
            "Shared document",
            "共享文档",
            List.of(
                    partnerRef(),
                    field("title", FieldKind.TEXT).required().build(),
                    field("kind", FieldKind.TEXT).filterable().build(),
                    field("sharedAt", FieldKind.DATETIME).filterable().build(),
                    field("bodyEn", FieldKind.TEXT).build(),
                    field("bodyZh", FieldKind.TEXT).build(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of());

    /** A machine a contractor owns and works with, in a region. */
    static final RecordType EQUIPMENT_TYPE = new RecordType(
            EQUIPMENT,
            "equipment",
            "Equipment",
            "设备",
            List.of(
                    field("code", FieldKind.TEXT).required().filterable().build(),
                    field("name", FieldKind.TEXT).build(),
                    field("kind", FieldKind.TEXT).filterable().build(),
                    partnerRef(),
                    field("regionId", FieldKind.TEXT).filterable().build(),
                    field("location", FieldKind.TEXT).build()),
            List.of("code"));

    /** How much of one day a machine stood idle, from 0 to 1. */
    static final RecordType EQUIPMENT_USAGE_TYPE = new RecordType(
            EQUIPMENT_USAGE,
            "equipment-usage",
            "Equipment usage",
            "设备使用",
            List.of(
                    field("equipmentId", FieldKind.REFERENCE)
                            .references(EQUIPMENT)
                            .required()
                            .filterable()
                            .build(),
                    field("day", FieldKind.DATE).required().filterable().build(),
                    field("idleShare", FieldKind.DECIMAL).required().build(),
                    partnerRef(),
                    field("regionId", FieldKind.TEXT).build()),
            List.of("equipmentId", "day"));

    /**
     * A leasing offer for contractors' idle equipment, valid from a day until a day; one for a region wins over one
     * without a region.
     */
    static final RecordType LEASING_OFFER_TYPE = new RecordType(
            LEASING_OFFER,
            "leasing-offers",
            "Leasing offer",
            "租赁优惠",
            List.of(
                    field("code", FieldKind.TEXT).required().filterable().build(),
                    field("textEn", FieldKind.TEXT).required().build(),
                    field("textZh", FieldKind.TEXT).build(),
                    field("regionId", FieldKind.TEXT).filterable().build(),
                    field("validFrom", FieldKind.DATE).filterable().build(),
                    field("validUntil", FieldKind.DATE).filterable().build(),
                    partnerRef()),
            List.of("code"));

    static final List<RecordType> ALL = List.of(
            PARTNER_TYPE,
            WORK_ORDER_TYPE,
            DELIVERY_TYPE,
            SURVEY_TYPE,
            JOINT_PROJECT_TYPE,
            CONTRACT_TYPE,
            DOCUMENT_TYPE,
            EQUIPMENT_TYPE,
            EQUIPMENT_USAGE_TYPE,
            LEASING_OFFER_TYPE);

    private EcosystemTypes() {}
}
