package org.sellcraft.ecosystem.internal;

import static org.sellcraft.api.importing.ImportMapping.FieldMapping.column;

import java.util.List;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportMapping.FieldMapping;
import org.sellcraft.api.importing.ImportMapping.RelatedRecord;

/**
 * Import mappings for the partner datasets, registered as services so that the importer lists them by name: the
 * Olist marketplace (sellers as service providers, order items as their work orders, orders as deliveries with
 * promised and actual dates, reviews as satisfaction surveys) and the USAID SCMS shipments (vendors as suppliers,
 * scheduled and delivered dates, unit cost as a secret).
 *
 * <p>A partner's status is not mapped: importing the sellers again must not lift a freeze a clause imposed.
 */
final class EcosystemMappings {

    private static final String OLIST_TIME = "datetime:yyyy-MM-dd HH:mm:ss";

    static final ImportMapping OLIST_SELLERS = new ImportMapping(
            "olist-sellers",
            "Olist olist_sellers_dataset.csv: one service-provider partner per seller, keyed by seller_id",
            EcosystemTypes.PARTNER,
            List.of(
                    column("code", "seller_id").mandatory(),
                    column("name", "seller_id"),
                    constant("partnerType", "service-provider"),
                    column("regionId", "seller_state"),
                    column("city", "seller_city"),
                    column("partnerId", "seller_id").referencing(EcosystemTypes.PARTNER)),
            List.of());

    static final ImportMapping OLIST_ORDER_ITEMS = new ImportMapping(
            "olist-order-items",
            "Olist olist_order_items_dataset.csv: one fulfilment work order per item, for the seller that ships it",
            EcosystemTypes.WORK_ORDER,
            List.of(
                    column("orderId", "order_id").mandatory(),
                    column("itemNo", "order_item_id").as("integer").mandatory(),
                    column("partnerId", "seller_id").mandatory().referencing(EcosystemTypes.PARTNER),
                    constant("kind", "fulfilment"),
                    column("productId", "product_id"),
                    column("dueAt", "shipping_limit_date").as(OLIST_TIME),
                    column("price", "price").as("decimal"),
                    column("freight", "freight_value").as("decimal")),
            List.of(new RelatedRecord(
                    EcosystemTypes.PARTNER,
                    List.of(
                            column("code", "seller_id"),
                            column("name", "seller_id"),
                            constant("partnerType", "service-provider"),
                            column("partnerId", "seller_id").referencing(EcosystemTypes.PARTNER)))));

    static final ImportMapping OLIST_ORDERS = new ImportMapping(
            "olist-orders",
            "Olist olist_orders_dataset.csv: one delivery per order, promised (estimated) against actual delivery",
            EcosystemTypes.DELIVERY,
            List.of(
                    new FieldMapping("reference", null, "olist-{order_id}", null, null, true, null, null),
                    constant("source", "olist"),
                    column("orderId", "order_id").mandatory(),
                    column("status", "order_status"),
                    column("purchasedAt", "order_purchase_timestamp").as(OLIST_TIME),
                    column("promisedAt", "order_estimated_delivery_date").as(OLIST_TIME),
                    column("deliveredAt", "order_delivered_customer_date").as(OLIST_TIME)),
            List.of());

    static final ImportMapping OLIST_REVIEWS = new ImportMapping(
            "olist-reviews",
            "Olist olist_order_reviews_dataset.csv: one satisfaction survey per review and order, score 1 to 5",
            EcosystemTypes.SURVEY,
            List.of(
                    column("reviewId", "review_id").mandatory(),
                    column("orderId", "order_id").mandatory(),
                    column("score", "review_score").as("integer").mandatory(),
                    column("sentAt", "review_creation_date").as(OLIST_TIME),
                    column("answeredAt", "review_answer_timestamp").as(OLIST_TIME)),
            List.of());

    static final ImportMapping SCMS_DELIVERIES = new ImportMapping(
            "scms-deliveries",
            "USAID SCMS_Delivery_History_Dataset.csv: one delivery per shipment line from a supplier, scheduled "
                    + "against delivered date; the vendor becomes a supplier partner",
            EcosystemTypes.DELIVERY,
            List.of(
                    new FieldMapping("reference", null, "scms-{ID}", null, null, true, null, null),
                    constant("source", "scms"),
                    column("orderId", "PO / SO #"),
                    column("partnerId", "Vendor").mandatory().referencing(EcosystemTypes.PARTNER),
                    constant("status", "delivered"),
                    column("promisedAt", "Scheduled Delivery Date").as("date").mandatory(),
                    column("deliveredAt", "Delivered to Client Date").as("date").mandatory(),
                    column("country", "Country"),
                    column("mode", "Shipment Mode"),
                    column("productGroup", "Product Group"),
                    column("lineValue", "Line Item Value").as("decimal"),
                    column("unitCost", "Unit Price").as("decimal")),
            List.of(new RelatedRecord(
                    EcosystemTypes.PARTNER,
                    List.of(
                            column("code", "Vendor"),
                            column("name", "Vendor"),
                            constant("partnerType", "supplier"),
                            column("partnerId", "Vendor").referencing(EcosystemTypes.PARTNER)))));

    static final List<ImportMapping> ALL =
            List.of(OLIST_SELLERS, OLIST_ORDER_ITEMS, OLIST_ORDERS, OLIST_REVIEWS, SCMS_DELIVERIES);

    private EcosystemMappings() {}

    private static FieldMapping constant(String field, String value) {
        return new FieldMapping(field, null, null, value, null, false, null, null);
    }
}
