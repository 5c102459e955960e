package org.sellcraft.examples.complaints.internal;

import static org.sellcraft.api.record.FieldDef.field;

import java.util.List;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.RecordType;

/**
 * The complaint record type. Publishing it as a service is all the platform needs: its collection
 * {@code /api/v1/complaints} gets create, read, update, delete, list and export, the access policy applies to it
 * (a rep sees the complaints they own) and its changes are published as events. The records stay in the store
 * when the add-on is uninstalled.
 */
final class ComplaintType {

    static final String NAME = "complaint";
    static final String OPEN = "open";
    static final String CLOSED = "closed";
    static final String HIGH = "high";

    static final RecordType TYPE = new RecordType(
            NAME,
            "complaints",
            "Complaint",
            "客户投诉",
            List.of(
                    field("reference", FieldKind.TEXT).required().filterable().build(),
                    field("accountId", FieldKind.REFERENCE)
                            .references("account")
                            .required()
                            .filterable()
                            .build(),
                    field("ownerId", FieldKind.REFERENCE)
                            .references("rep")
                            .filterable()
                            .build(),
                    field("openedOn", FieldKind.DATE).required().filterable().build(),
                    field("severity", FieldKind.TEXT)
                            .required()
                            .filterable()
                            .oneOf("low", "medium", HIGH)
                            .build(),
                    field("status", FieldKind.TEXT)
                            .required()
                            .filterable()
                            .oneOf(OPEN, CLOSED)
                            .build(),
                    field("subject", FieldKind.TEXT).build(),
                    field("customerContact", FieldKind.TEXT)
                            .classed(FieldClass.SENSITIVE)
                            .build(),
                    field("closedOn", FieldKind.DATE).build()),
            List.of("reference"));

    private ComplaintType() {}
}
