package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sellcraft.importer.internal.ImportFixture.dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.record.RecordIds;

class MavenCrmImportTest {

    @TempDir
    Path jobs;

    private ImportFixture fixture;

    @BeforeEach
    void createImporter() {
        fixture = new ImportFixture(jobs);
    }

    @AfterEach
    void closeImporter() {
        fixture.close();
    }

    private ImportJob importCrm(String file, String mapping) {
        ImportJob job = fixture.run(dataset("maven-crm/" + file), mapping);
        assertEquals(ImportJob.State.DONE, job.state(), job.error());
        assertEquals(0, job.rejected(), () -> job.rejections().toString());
        return job;
    }

    @Test
    void accountsKeepTheirFiguresAndPointToTheirParents() {
        ImportJob job = importCrm("accounts.csv", "maven-crm-accounts");

        assertEquals(85, job.inserted());
        assertEquals(85, job.rowsCommitted());
        assertEquals(List.of(), job.ignoredColumns());
        assertEquals("UTF-8", job.charset());
        assertEquals(85, fixture.records.all("account").size());
        Map<String, Object> acme = fixture.records.byKey("account", "Acme Corporation");
        assertEquals("technolgy", acme.get("industry"));
        assertEquals(1996L, acme.get("yearEstablished"));
        assertEquals(new BigDecimal("1100.04"), acme.get("annualRevenue"));
        assertEquals(2822L, acme.get("employees"));
        assertEquals("United States", acme.get("country"));
        assertNull(acme.get("parentId"), "an empty subsidiary_of gives no parent");
        long withParent = fixture.records.all("account").stream()
                .filter(a -> a.get("parentId") != null)
                .count();
        assertEquals(15, withParent);
    }

    @Test
    void teamsFileCreatesManagersTeamsAndRegionsOnce() {
        importCrm("products.csv", "maven-crm-products");
        ImportJob job = importCrm("sales_teams.csv", "maven-crm-teams");

        assertEquals(7, fixture.records.all("product").size());
        assertEquals(
                new BigDecimal("4821"),
                fixture.records.byKey("product", "GTX Pro").get("listPrice"));
        assertEquals(35, fixture.records.all("rep").size());
        assertEquals(6, fixture.records.all("manager").size());
        assertEquals(6, fixture.records.all("team").size());
        assertEquals(3, fixture.records.all("region").size());
        assertEquals(35 + 6 + 6 + 3, job.inserted());
        Map<String, Object> anna = fixture.records.byKey("rep", "Anna Snelling");
        assertEquals(RecordIds.fromKey("manager", "Dustin Brinkmann"), anna.get("managerId"));
        assertEquals(RecordIds.fromKey("team", "Dustin Brinkmann"), anna.get("teamId"));
        assertEquals(RecordIds.fromKey("region", "Central"), anna.get("regionId"));
        Map<String, Object> team = fixture.records.byKey("team", "Dustin Brinkmann");
        assertEquals("Dustin Brinkmann's team", team.get("name"));
        assertEquals(RecordIds.fromKey("manager", "Dustin Brinkmann"), team.get("managerId"));
        assertEquals(
                RecordIds.fromKey("region", "Central"),
                fixture.records.byKey("manager", "Dustin Brinkmann").get("regionId"));
    }

    @Test
    void pipelineResolvesGtxProAndKeepsTheWonValueOfEveryAgent() throws IOException {
        importCrm("accounts.csv", "maven-crm-accounts");
        importCrm("products.csv", "maven-crm-products");
        importCrm("sales_teams.csv", "maven-crm-teams");

        ImportJob job = importCrm("sales_pipeline.csv", "maven-crm-pipeline");

        assertEquals(8_800, job.inserted());
        assertEquals(8_800, fixture.records.all("opportunity").size());
        assertEquals(1_480, opportunitiesOf(RecordIds.fromKey("product", "GTX Pro")));
        assertEquals(0, opportunitiesOf(RecordIds.fromKey("product", "GTXPro")));
        long withoutAccount = fixture.records.all("opportunity").stream()
                .filter(o -> o.get("accountId") == null)
                .count();
        assertEquals(1_425, withoutAccount);
        Map<String, BigDecimal> expected = wonValuePerAgent(dataset("maven-crm/sales_pipeline.csv"));
        assertEquals(expected, storedWonValuePerAgent());
        assertEquals(new BigDecimal("10005534"), expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void importingTheCrmFilesAgainChangesNothing() {
        List<List<String>> files = List.of(
                List.of("accounts.csv", "maven-crm-accounts"),
                List.of("products.csv", "maven-crm-products"),
                List.of("sales_teams.csv", "maven-crm-teams"),
                List.of("sales_pipeline.csv", "maven-crm-pipeline"));
        files.forEach(f -> importCrm(f.get(0), f.get(1)));

        for (List<String> file : files) {
            ImportJob again = importCrm(file.get(0), file.get(1));

            assertEquals(0, again.inserted(), file.get(0));
            assertEquals(0, again.updated(), file.get(0));
            assertEquals(again.rowsRead(), again.unchanged(), file.get(0));
        }
        assertEquals(8_800, fixture.records.all("opportunity").size());
        assertEquals(6, fixture.records.all("team").size());
    }

    private long opportunitiesOf(String productId) {
        return fixture.records.all("opportunity").stream()
                .filter(o -> productId.equals(o.get("productId")))
                .count();
    }

    private Map<String, BigDecimal> storedWonValuePerAgent() {
        Map<String, String> agentById = new HashMap<>();
        fixture.records
                .all("rep")
                .forEach(rep -> agentById.put(RecordIds.fromKey("rep", rep.get("code")), (String) rep.get("code")));
        Map<String, BigDecimal> won = new HashMap<>();
        for (Map<String, Object> opportunity : fixture.records.all("opportunity")) {
            if ("Won".equals(opportunity.get("stage"))) {
                String agent = agentById.get((String) opportunity.get("ownerId"));
                won.merge(agent, (BigDecimal) opportunity.get("value"), BigDecimal::add);
            }
        }
        return won;
    }

    // Computed from the raw file without the importer: the pipeline has no quoted values.
    private static Map<String, BigDecimal> wonValuePerAgent(Path file) throws IOException {
        Map<String, BigDecimal> won = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if ("Won".equals(cells[4])) {
                won.merge(cells[1], new BigDecimal(cells[7]), BigDecimal::add);
            }
        }
        return won;
    }
}
