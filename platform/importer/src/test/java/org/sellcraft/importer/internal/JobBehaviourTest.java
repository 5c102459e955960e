package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sellcraft.importer.internal.ImportFixture.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.Rejection;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;

class JobBehaviourTest {

    private static final String RETAIL_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    @TempDir
    Path dir;

    private ImportFixture fixture;

    @AfterEach
    void closeImporter() {
        fixture.close();
    }

    @Test
    void aManagerSeesOnlyTheJobsTheyStartedAndAnAdministratorSeesAll() {
        fixture = new ImportFixture(dir);
        Caller anna = new Caller("u-anna", "anna", Set.of(Roles.MANAGER));
        Caller bob = new Caller("u-bob", "bob", Set.of(Roles.MANAGER));
        Caller admin = new Caller("u-admin", "root", Set.of(Roles.ADMIN));
        ImportRequest products = ImportRequest.of(dataset("maven-crm/products.csv"), "maven-crm-products");

        String annas = fixture.awaitEnd(
                        fixture.importer.start(anna, products, null).id())
                .id();
        String bobs = fixture.awaitEnd(
                        fixture.importer.start(bob, products, null).id())
                .id();

        assertEquals(
                List.of(annas),
                fixture.importer.jobs(anna).stream().map(ImportJob::id).toList());
        assertEquals(
                List.of(bobs),
                fixture.importer.jobs(bob).stream().map(ImportJob::id).toList());
        assertEquals(
                List.of(bobs, annas),
                fixture.importer.jobs(admin).stream().map(ImportJob::id).toList());
        assertTrue(fixture.importer.job(anna, bobs).isEmpty(), "another manager's job does not exist for anna");
        assertTrue(fixture.importer.job(admin, bobs).isPresent());
        assertTrue(fixture.importer.job(Caller.system(), annas).isPresent());
    }

    @Test
    void theListenerHearsOfEachBatchOnlyOnceItIsStored() {
        fixture = new ImportFixture(dir, 1_000);
        List<long[]> heard = new ArrayList<>();

        ImportJob job = fixture.run(
                ImportRequest.of(dataset("maven-crm/sales_pipeline.csv"), "maven-crm-pipeline"),
                snapshot -> heard.add(new long[] {
                    snapshot.rowsCommitted(), fixture.records.all("opportunity").size()
                }));

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(9, heard.size());
        assertEquals(9, fixture.records.upsertCalls());
        for (int i = 0; i < heard.size(); i++) {
            long expected = Math.min(8_800, (i + 1) * 1_000L);
            assertEquals(expected, heard.get(i)[0]);
            assertEquals(expected, heard.get(i)[1], "the rows the listener hears of are stored");
        }
    }

    @Test
    void aMappingAModulePublishesCanBeNamedUntilTheModuleLeaves() throws IOException {
        fixture = new ImportFixture(dir);
        ImportMapping stores =
                fixture.importer.parseMapping("{\"name\": \"shop-list\", \"recordType\": \"store\", \"fields\": ["
                        + "{\"field\": \"code\", \"column\": \"Shop\", \"required\": true},"
                        + "{\"field\": \"name\", \"column\": \"Shop\"}]}");
        Path file = Files.writeString(dir.resolve("shops.csv"), "Shop\nNorth\nSouth\n");

        fixture.importer.addMapping(stores);
        ImportJob job = fixture.run(file, "shop-list");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(2, job.inserted());
        assertTrue(fixture.importer.mappings().contains(stores));

        fixture.importer.removeMapping(stores);
        IllegalArgumentException gone =
                assertThrows(IllegalArgumentException.class, () -> fixture.run(file, "shop-list"));
        assertTrue(
                gone.getMessage().startsWith("Unknown mapping 'shop-list'; the available ones are"), gone.getMessage());
    }

    @Test
    void aBatchTheServiceRefusesIsStoredRecordByRecord() throws IOException {
        fixture = new ImportFixture(dir);
        fixture.records.refuse(row -> "Beta".equals(row.get("name")));
        Path file = Files.writeString(
                dir.resolve("accounts.csv"),
                "account,sector,year_established,revenue,employees,office_location,subsidiary_of\n"
                        + "Alpha,tech,1990,1,1,US,\nBeta,tech,1991,2,2,US,\nGamma,tech,1992,3,3,US,\n");

        ImportJob job = fixture.run(file, "maven-crm-accounts");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(2, job.inserted());
        assertEquals(2, job.rowsCommitted());
        assertEquals(
                List.of(new Rejection(3, "account", "Beta", "Field 'name': refused by the service (value 'Beta')")),
                job.rejections());
        assertEquals(2, fixture.records.all("account").size());
    }

    @Test
    void relatedRecordsAreCreatedWhenAbsentAndOtherwiseLeftAlone() throws IOException {
        fixture = new ImportFixture(dir, 2);
        fixture.records.upsert(
                Caller.system(), "product", List.of(Map.of("sku", "85123A", "name", "Heart holder", "series", "T")));
        Path file = Files.writeString(
                dir.resolve("retail.csv"),
                RETAIL_HEADER
                        + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,"
                        + "United Kingdom\n"
                        + "536365,71053,,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n"
                        + "536365,71053,WHITE METAL LANTERN,-2,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n"
                        + "536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom\n",
                StandardCharsets.UTF_8);

        ImportJob job = fixture.run(file, "uci-online-retail");

        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(
                Map.of("sku", "85123A", "name", "Heart holder", "series", "T"),
                fixture.records.byKey("product", "85123A"));
        assertEquals(
                "WHITE METAL LANTERN", fixture.records.byKey("product", "71053").get("name"));
        assertEquals(1, fixture.records.all("account").size(), "a guest order brings no customer");
        assertNull(fixture.records.byKey("order", "536366").get("accountId"));
        List<?> lines = (List<?>) fixture.records.byKey("order", "536365").get("lines");
        assertEquals(3, lines.size());
        assertEquals(true, ((Map<?, ?>) lines.get(2)).get("returned"));
        assertEquals(2 + 1 + 2, job.inserted(), "two orders, one customer, two new products; the known one is left");
        assertEquals(0, job.updated(), "an invoice's lines stay in one batch");
    }

    @Test
    void jobsAreListedNewestFirstWithTheirReports() throws IOException {
        fixture = new ImportFixture(dir);
        Path products = dataset("maven-crm/products.csv");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "product,series,sales_price\nX,Y,Z\n");

        ImportJob first = fixture.run(products, "maven-crm-products");
        ImportJob second = fixture.run(bad, "maven-crm-products");

        assertEquals(
                List.of(second.id(), first.id()),
                fixture.importer.jobs().stream().map(ImportJob::id).toList());
        assertTrue(fixture.importer.rejectionReport(first.id()).isEmpty());
        assertEquals(
                List.of("line,column,value,reason", "2,sales_price,Z,not a number"),
                Files.readAllLines(fixture.importer.rejectionReport(second.id()).orElseThrow()));
        assertTrue(second.rowsPerSecond() > 0);
        assertTrue(!second.finishedAt().isBefore(second.startedAt()));
    }

    @Test
    void shuttingDownStopsTheRunningJobAndEndsTheWaitingOnes() {
        fixture = new ImportFixture(dir);
        Path retail = dataset("uci-online-retail/online_retail.csv.gz");
        ImportJob running =
                fixture.importer.start(Caller.system(), ImportRequest.of(retail, "uci-online-retail"), null);
        ImportJob waiting =
                fixture.importer.start(Caller.system(), ImportRequest.of(retail, "uci-online-retail"), null);
        // Shut down only once the first job reads rows, or it would end as one that never began.
        while (fixture.importer.job(running.id()).orElseThrow().rowsRead() == 0) {
            Thread.onSpinWait();
        }

        fixture.importer.close();

        ImportJob cancelled = fixture.importer.job(waiting.id()).orElseThrow();
        assertEquals(ImportJob.State.FAILED, cancelled.state());
        assertEquals("The importer shut down before the import began", cancelled.error());
        ImportJob stopped = fixture.awaitEnd(running.id());
        assertEquals(ImportJob.State.FAILED, stopped.state());
        assertEquals("The import was stopped because the importer shut down", stopped.error());
    }
}
