package org.sellcraft.ecosystem.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.importer.internal.ImportServiceImpl;

/**
 * A frozen partner's new work order is refused on every path, not only the ecosystem's endpoint: a create through
 * the record service (what {@code /api/v1/work-orders} calls) and an import; its existing orders still change.
 */
class FrozenPartnerGuardTest {

    private static final Caller ADMIN = new Caller("u-a", "ada", Set.of(Roles.ADMIN));
    private static final String REASON = "Satisfaction in 2018-01 was 60.0% (3 of 5 surveys at 4 or 5), below 85%";

    private EcosystemStore eco;
    private String frozen;
    private String active;
    private Record existing;

    @BeforeEach
    void freezeOne() throws Exception {
        eco = EcosystemStore.empty();
        eco.records.addGuard(new FrozenPartnerGuard(eco.records));
        frozen = partner("seller-f");
        active = partner("seller-a");
        existing = eco.records.create(
                Caller.system(),
                EcosystemTypes.WORK_ORDER,
                Map.of("orderId", "o-0", "itemNo", 1, "partnerId", frozen, "status", "open"));
        eco.partners.freeze(frozen, "satisfaction", REASON, "2018-01 满意度为 60.0%", "rule");
    }

    @AfterEach
    void removeStore() {
        eco.delete();
    }

    private String partner(String code) {
        return eco.records
                .create(
                        Caller.system(),
                        EcosystemTypes.PARTNER,
                        Map.of("code", code, "name", code, "partnerType", "service-provider"))
                .id();
    }

    @Test
    void aCreateThroughTheRecordServiceIsRefusedWithTheReasonAndAnExistingOrderStillCloses() {
        PartnerFrozenException refused = assertThrows(
                PartnerFrozenException.class,
                () -> eco.records.create(
                        ADMIN, EcosystemTypes.WORK_ORDER, Map.of("orderId", "o-1", "itemNo", 1, "partnerId", frozen)));

        assertEquals(REASON, refused.reasonEn());
        assertEquals("2018-01 满意度为 60.0%", refused.reasonZh());
        assertEquals("partnerId", refused.field());
        assertEquals(
                "Partner 'seller-f' is frozen for new work orders since " + refused.since() + ": " + REASON,
                refused.getMessage());
        assertEquals(1, eco.records.count(Caller.system(), EcosystemTypes.WORK_ORDER));

        Record closed = eco.records.update(
                ADMIN, EcosystemTypes.WORK_ORDER, existing.id(), existing.version(), Map.of("status", "closed"));
        assertEquals("closed", closed.get("status"));
        Record opened = eco.records.create(
                ADMIN, EcosystemTypes.WORK_ORDER, Map.of("orderId", "o-2", "itemNo", 1, "partnerId", active));
        assertEquals(active, opened.get("partnerId"));
    }

    @Test
    void anImportRejectsTheFrozenPartnersRowsWithTheReasonAndStoresTheOthers() throws Exception {
        Path file = eco.folder.resolve("items.csv");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value",
                        "o-10,1,p-1,seller-a,2018-02-01 10:00:00,10.00,1.00",
                        "o-11,1,p-1,seller-f,2018-02-01 10:00:00,10.00,1.00",
                        "o-12,1,p-1,seller-a,2018-02-01 10:00:00,10.00,1.00",
                        ""),
                StandardCharsets.UTF_8);

        ImportJob job;
        try (ImportServiceImpl imports =
                new ImportServiceImpl(eco.records, eco.types, eco.folder.resolve("jobs"), 100, 1)) {
            job = imports.start(
                    Caller.system(),
                    new ImportRequest(file, null, null, EcosystemMappings.OLIST_ORDER_ITEMS, false, 0, null),
                    j -> {});
            while (!job.finished()) {
                Thread.sleep(20);
                job = imports.job(job.id()).orElseThrow();
            }
            String report = Files.readString(imports.rejectionReport(job.id()).orElseThrow(), StandardCharsets.UTF_8);
            assertEquals(1, report.lines().filter(l -> l.contains(REASON)).count(), report);
        }

        assertEquals(ImportJob.State.DONE, job.state());
        assertEquals(1, job.rejected());
        Set<String> stored = new TreeSet<>();
        eco.records.forEach(Caller.system(), EcosystemTypes.WORK_ORDER, o -> stored.add((String) o.get("orderId")));
        assertEquals(new TreeSet<>(List.of("o-0", "o-10", "o-12")), stored);
    }
}
