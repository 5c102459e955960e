package org.sellcraft.api.sales;

import static org.sellcraft.api.record.FieldDef.field;
import static org.sellcraft.api.record.FieldKind.BOOLEAN;
import static org.sellcraft.api.record.FieldKind.DATE;
import static org.sellcraft.api.record.FieldKind.DATETIME;
import static org.sellcraft.api.record.FieldKind.DECIMAL;
import static org.sellcraft.api.record.FieldKind.INTEGER;
import static org.sellcraft.api.record.FieldKind.LINES;
import static org.sellcraft.api.record.FieldKind.REFERENCE;
import static org.sellcraft.api.record.FieldKind.TEXT;

import java.util.List;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.RecordType;

/** The core sales record types every edition has, and the names other bundles use to refer to them. */
public final class SalesTypes {

    public static final String ACCOUNT = "account";
    public static final String CONTACT = "contact";
    public static final String PRODUCT = "product";
    public static final String STORE = "store";
    public static final String ORDER = "order";
    public static final String OPPORTUNITY = "opportunity";
    public static final String ACTIVITY = "activity";
    public static final String REP = "rep";
    public static final String MANAGER = "manager";
    public static final String TEAM = "team";
    public static final String REGION = "region";

    /**
     * Stock on hand of one product in one store.
     *
     * @since 1.1
     */
    public static final String STOCK = "stock";

    /**
     * The partner organisation type that {@code partnerId} fields refer to. It is not a core type: the ecosystem
     * module contributes it, and the access policy's partner scope reads the field without it.
     *
     * @since 1.1
     */
    public static final String PARTNER = "partner";

    /** Opportunity stages, in pipeline order. */
    public static final List<String> STAGES =
            List.of("Prospecting", "Engaging", "Proposal", "Negotiation", "Won", "Lost");

    /** Sales channels of an order. */
    public static final List<String> CHANNELS = List.of("store", "online", "dealer", "direct");

    private SalesTypes() {}

    /** Returns the definitions of all core types. */
    public static List<RecordType> all() {
        return List.of(
                account(),
                contact(),
                product(),
                store(),
                order(),
                opportunity(),
                activity(),
                rep(),
                manager(),
                team(),
                region(),
                stock());
    }

    private static FieldDef code() {
        return field("code", TEXT).filterable().build();
    }

    private static FieldDef owner() {
        return field("ownerId", REFERENCE).references(REP).filterable().build();
    }

    private static FieldDef regionRef() {
        return field("regionId", REFERENCE).references(REGION).filterable().build();
    }

    private static FieldDef partnerRef() {
        return field("partnerId", REFERENCE).references(PARTNER).filterable().build();
    }

    static RecordType account() {
        return new RecordType(
                ACCOUNT,
                "accounts",
                "Account",
                "客户",
                List.of(
                        code(),
                        field("name", TEXT).required().filterable().build(),
                        field("legalId", TEXT).classed(FieldClass.INTERNAL).build(),
                        field("industry", TEXT).filterable().build(),
                        field("employees", INTEGER).filterable().build(),
                        field("annualRevenue", DECIMAL)
                                .classed(FieldClass.INTERNAL)
                                .build(),
                        field("yearEstablished", INTEGER).build(),
                        field("country", TEXT).filterable().build(),
                        regionRef(),
                        owner(),
                        field("parentId", REFERENCE).references(ACCOUNT).build()),
                List.of("code"));
    }

    static RecordType contact() {
        return new RecordType(
                CONTACT,
                "contacts",
                "Contact",
                "联系人",
                List.of(
                        code(),
                        field("accountId", REFERENCE)
                                .references(ACCOUNT)
                                .filterable()
                                .build(),
                        field("name", TEXT).required().filterable().build(),
                        field("title", TEXT).build(),
                        field("email", TEXT).classed(FieldClass.SENSITIVE).build(),
                        field("phone", TEXT).classed(FieldClass.SENSITIVE).build(),
                        owner()),
                List.of("code"));
    }

    static RecordType product() {
        return new RecordType(
                PRODUCT,
                "products",
                "Product",
                "产品",
                List.of(
                        field("sku", TEXT).required().filterable().build(),
                        field("name", TEXT).filterable().build(),
                        field("category", TEXT).filterable().build(),
                        field("series", TEXT).filterable().build(),
                        field("listPrice", DECIMAL).filterable().build(),
                        field("costPrice", DECIMAL).classed(FieldClass.SECRET).build()),
                List.of("sku"));
    }

    static RecordType store() {
        return new RecordType(
                STORE,
                "stores",
                "Store",
                "门店",
                List.of(
                        code(),
                        field("name", TEXT).required().filterable().build(),
                        field("format", TEXT).filterable().build(),
                        field("city", TEXT).filterable().build(),
                        regionRef(),
                        field("areaSqm", DECIMAL).build(),
                        owner(),
                        partnerRef()),
                List.of("code"));
    }

    static RecordType order() {
        FieldDef[] line = {
            field("lineNo", INTEGER).required().build(),
            field("sku", TEXT).required().build(),
            field("productId", REFERENCE).references(PRODUCT).build(),
            field("description", TEXT).build(),
            field("quantity", INTEGER).required().build(),
            field("unitPrice", DECIMAL).required().build(),
            field("returned", BOOLEAN).build()
        };
        return new RecordType(
                ORDER,
                "orders",
                "Order",
                "订单",
                List.of(
                        field("orderNumber", TEXT).required().filterable().build(),
                        field("accountId", REFERENCE)
                                .references(ACCOUNT)
                                .filterable()
                                .build(),
                        field("storeId", REFERENCE)
                                .references(STORE)
                                .filterable()
                                .build(),
                        owner(),
                        field("channel", TEXT)
                                .oneOf(CHANNELS.toArray(String[]::new))
                                .filterable()
                                .build(),
                        field("orderedAt", DATETIME).required().filterable().build(),
                        field("country", TEXT).filterable().build(),
                        regionRef(),
                        field("currency", TEXT).build(),
                        partnerRef(),
                        field("cancellation", BOOLEAN).filterable().build(),
                        field("lines", LINES).parts(line).build()),
                List.of("orderNumber"));
    }

    static RecordType opportunity() {
        return new RecordType(
                OPPORTUNITY,
                "opportunities",
                "Opportunity",
                "商机",
                List.of(
                        code(),
                        field("name", TEXT).filterable().build(),
                        field("accountId", REFERENCE)
                                .references(ACCOUNT)
                                .filterable()
                                .build(),
                        owner(),
                        field("productId", REFERENCE)
                                .references(PRODUCT)
                                .filterable()
                                .build(),
                        field("stage", TEXT)
                                .required()
                                .oneOf(STAGES.toArray(String[]::new))
                                .filterable()
                                .build(),
                        field("engageDate", DATE).filterable().build(),
                        field("closeDate", DATE).filterable().build(),
                        field("value", DECIMAL).filterable().build()),
                List.of("code"));
    }

    static RecordType activity() {
        return new RecordType(
                ACTIVITY,
                "activities",
                "Activity",
                "活动",
                List.of(
                        field("kind", TEXT)
                                .required()
                                .oneOf("visit", "call", "email", "note")
                                .filterable()
                                .build(),
                        field("accountId", REFERENCE)
                                .references(ACCOUNT)
                                .filterable()
                                .build(),
                        field("contactId", REFERENCE).references(CONTACT).build(),
                        field("opportunityId", REFERENCE)
                                .references(OPPORTUNITY)
                                .build(),
                        owner(),
                        field("occurredAt", DATETIME).required().filterable().build(),
                        field("subject", TEXT).build(),
                        field("notes", TEXT).classed(FieldClass.INTERNAL).build()),
                List.of());
    }

    static RecordType rep() {
        return new RecordType(
                REP,
                "reps",
                "Sales rep",
                "销售代表",
                List.of(
                        code(),
                        field("name", TEXT).required().filterable().build(),
                        field("email", TEXT).classed(FieldClass.SENSITIVE).build(),
                        field("managerId", REFERENCE)
                                .references(MANAGER)
                                .filterable()
                                .build(),
                        field("teamId", REFERENCE).references(TEAM).filterable().build(),
                        regionRef()),
                List.of("code"));
    }

    static RecordType manager() {
        return new RecordType(
                MANAGER,
                "managers",
                "Sales manager",
                "销售经理",
                List.of(
                        code(),
                        field("name", TEXT).required().filterable().build(),
                        field("email", TEXT).classed(FieldClass.SENSITIVE).build(),
                        regionRef()),
                List.of("code"));
    }

    static RecordType team() {
        return new RecordType(
                TEAM,
                "teams",
                "Team",
                "团队",
                List.of(
                        code(),
                        field("name", TEXT).required().filterable().build(),
                        field("managerId", REFERENCE)
                                .references(MANAGER)
                                .filterable()
                                .build(),
                        regionRef()),
                List.of("code"));
    }

    /** One product's stock in one store; a dealer's stores carry the dealer's {@code partnerId}. */
    static RecordType stock() {
        return new RecordType(
                STOCK,
                "stock",
                "Stock",
                "库存",
                List.of(
                        field("storeId", REFERENCE)
                                .references(STORE)
                                .required()
                                .filterable()
                                .build(),
                        field("productId", REFERENCE)
                                .references(PRODUCT)
                                .required()
                                .filterable()
                                .build(),
                        field("quantity", INTEGER).required().filterable().build(),
                        field("unitCost", DECIMAL).classed(FieldClass.SECRET).build(),
                        regionRef(),
                        partnerRef()),
                List.of("storeId", "productId"));
    }

    static RecordType region() {
        return new RecordType(
                REGION,
                "regions",
                "Region",
                "区域",
                List.of(code(), field("name", TEXT).required().filterable().build()),
                List.of("code"));
    }
}
