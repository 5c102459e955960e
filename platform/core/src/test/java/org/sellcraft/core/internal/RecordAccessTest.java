package org.sellcraft.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.security.internal.AccessPolicyImpl;
import org.sellcraft.security.internal.StoredAuditLog;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/** The default policy as the record service enforces it, role by role. */
class RecordAccessTest {

    private static final Caller SYSTEM = Caller.system();

    @TempDir
    Path dir;

    private MapDbRecordStore store;
    private StoredAuditLog audit;
    private RecordServiceImpl records;
    private String anna;
    private String moses;
    private String dustin;

    @BeforeEach
    void seed() {
        store = new MapDbRecordStore(dir);
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
        audit = new StoredAuditLog(store);
        records = new RecordServiceImpl(store, new CoreRecordTypes(), new AccessPolicyImpl(store, audit), audit, clock);

        dustin = records.create(SYSTEM, "manager", Map.of("code", "Dustin", "name", "Dustin Brinkmann"))
                .id();
        anna = records.create(SYSTEM, "rep", Map.of("code", "Anna", "name", "Anna Snelling", "managerId", dustin))
                .id();
        moses = records.create(SYSTEM, "rep", Map.of("code", "Moses", "name", "Moses Frase"))
                .id();
        String acme = records.create(SYSTEM, "account", Map.of("code", "Acme", "name", "Acme"))
                .id();
        records.create(SYSTEM, "account", Map.of("code", "Betasoloin", "name", "Betasoloin"));
        records.create(SYSTEM, "opportunity", Map.of("code", "O1", "stage", "Won", "ownerId", anna, "accountId", acme));
        records.create(SYSTEM, "opportunity", Map.of("code", "O2", "stage", "Lost", "ownerId", moses));
        records.create(SYSTEM, "product", Map.of("sku", "GTX", "listPrice", 550, "costPrice", 410));
        records.create(
                SYSTEM,
                "contact",
                Map.of(
                        "code",
                        "C1",
                        "name",
                        "Zhang Wei",
                        "email",
                        "zhang.wei@acme.cn",
                        "phone",
                        "13812345678",
                        "ownerId",
                        anna));
    }

    @AfterEach
    void close() {
        audit.close();
        store.close();
    }

    private static Caller user(String role, String personId) {
        return new Caller("u-" + role, role + "-user", Set.of(role), null, personId, Set.of());
    }

    private List<Object> codes(Caller caller, String type) {
        return records.list(caller, RecordQuery.all(type)).items().stream()
                .map(r -> r.get("code"))
                .toList();
    }

    @Test
    void aRepSeesTheirOwnOpportunitiesAndTheAccountsTheySellTo() {
        Caller rep = user(Roles.REP, anna);

        assertEquals(List.of("O1"), codes(rep, "opportunity"));
        assertEquals(List.of("Acme"), codes(rep, "account"));
        assertEquals(1, records.count(rep, "opportunity"), "counts include only what the rep may see");
        String other = records.list(SYSTEM, RecordQuery.all("opportunity")).items().stream()
                .filter(r -> r.get("code").equals("O2"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThrows(RecordNotFoundException.class, () -> records.get(rep, "opportunity", other));
    }

    @Test
    void aManagerSeesTheTeamsRecords() {
        Caller manager = user(Roles.MANAGER, dustin);

        assertEquals(List.of("O1"), codes(manager, "opportunity"));
        assertEquals(3, records.count(manager, "rep") + records.count(manager, "manager"), "directory is open");
    }

    @Test
    void costPriceIsAbsentForRepsAndPartnersAndCannotBeWrittenByThem() {
        Record forRep = records.list(user(Roles.REP, anna), RecordQuery.all("product"))
                .items()
                .get(0);
        assertFalse(forRep.fields().containsKey("costPrice"));
        assertTrue(forRep.fields().containsKey("listPrice"));

        Record forDealer = records.list(user(Roles.DEALER, null), RecordQuery.all("product"))
                .items()
                .get(0);
        assertFalse(forDealer.fields().containsKey("costPrice"));

        AccessDeniedException refused = assertThrows(
                AccessDeniedException.class,
                () -> records.update(user(Roles.REP, anna), "product", forRep.id(), 1, Map.of("costPrice", 1)));
        assertEquals("Your role [rep] may not update product records", refused.getMessage());

        Record forManager = records.get(user(Roles.MANAGER, dustin), "product", forRep.id());
        assertEquals(0, new java.math.BigDecimal("410").compareTo((java.math.BigDecimal) forManager.get("costPrice")));
    }

    @Test
    void anAnalystReadsEverythingWithPersonalDetailsMaskedAndChangesNothing() {
        Caller analyst = user(Roles.ANALYST, null);

        Record contact =
                records.list(analyst, RecordQuery.all("contact")).items().get(0);
        assertEquals("z***@acme.cn", contact.get("email"));
        assertEquals("138****5678", contact.get("phone"));
        assertEquals(2, records.count(analyst, "opportunity"));

        AccessDeniedException refused = assertThrows(
                AccessDeniedException.class, () -> records.create(analyst, "account", Map.of("name", "Gamma")));
        assertEquals("Your role [analyst] may not create account records", refused.getMessage());
    }

    @Test
    void aRepCannotGiveARecordAwayOrCreateOneForSomeoneElse() {
        Caller rep = user(Roles.REP, anna);
        Record own = records.list(rep, RecordQuery.all("opportunity")).items().get(0);

        assertThrows(
                AccessDeniedException.class,
                () -> records.update(rep, "opportunity", own.id(), own.version(), Map.of("ownerId", moses)));
        assertThrows(
                AccessDeniedException.class,
                () -> records.create(rep, "opportunity", Map.of("stage", "Prospecting", "ownerId", moses)));

        Record created = records.create(rep, "opportunity", Map.of("stage", "Prospecting"));
        assertEquals(anna, created.get("ownerId"), "a rep's new record is theirs");
    }

    @Test
    void aManagerReadsTheDirectoryButCannotMoveARepIntoTheirTeam() {
        Caller manager = user(Roles.MANAGER, dustin);
        Record moses = records.get(manager, "rep", this.moses);

        AccessDeniedException refused = assertThrows(
                AccessDeniedException.class,
                () -> records.update(manager, "rep", moses.id(), moses.version(), Map.of("managerId", dustin)));
        assertEquals("Your role [manager] may not update rep records", refused.getMessage());
        assertThrows(AccessDeniedException.class, () -> records.delete(manager, "rep", moses.id(), moses.version()));
        assertThrows(
                AccessDeniedException.class, () -> records.create(manager, "region", Map.of("code", "N", "name", "N")));
        assertEquals(1, records.count(manager, "opportunity"), "the team stays as it was");
    }

    @Test
    void aRepCannotReachAnAccountTheyDoNotSeeThroughADealTheyCreate() {
        Caller rep = user(Roles.REP, anna);
        String betasoloin = records.list(SYSTEM, RecordQuery.all("account")).items().stream()
                .filter(r -> r.get("code").equals("Betasoloin"))
                .findFirst()
                .orElseThrow()
                .id();
        Record own = records.list(rep, RecordQuery.all("opportunity")).items().get(0);

        for (String account : List.of(betasoloin, "no-such-account")) {
            AccessDeniedException refused = assertThrows(
                    AccessDeniedException.class,
                    () -> records.create(rep, "opportunity", Map.of("stage", "Won", "accountId", account)));
            assertEquals("accountId", refused.field());
            assertEquals("The field 'accountId' must refer to an account you can see", refused.getMessage());
            assertThrows(
                    AccessDeniedException.class,
                    () -> records.update(rep, "opportunity", own.id(), own.version(), Map.of("accountId", account)));
        }
        assertEquals(List.of("Acme"), codes(rep, "account"), "nothing widened the rep's accounts");
        assertEquals(
                betasoloin,
                records.create(user(Roles.ADMIN, null), "order", orderFor(betasoloin))
                        .get("accountId"),
                "an administrator sees every account and may refer to any");
        assertEquals(
                own.get("accountId"),
                records.create(rep, "order", orderFor((String) own.get("accountId")))
                        .get("accountId"));
    }

    private static Map<String, Object> orderFor(String account) {
        return Map.of("orderNumber", "N-" + account, "accountId", account, "orderedAt", "2026-05-01T10:00:00Z");
    }

    @Test
    void aPartnerSeesOnlyRecordsSharedWithItsOrganisation() {
        Caller dealer = new Caller("d1", "dealer-1", Set.of(Roles.DEALER), "P1", null, Set.of());

        assertEquals(0, records.count(dealer, "opportunity"));
        assertEquals(0, records.count(dealer, "account"));
        assertEquals(1, records.count(dealer, "product"));
    }

    @Test
    void aDealerSeesItsOwnRegionsStockAndOrdersButNotAnotherDealersNorCosts() {
        String north = records.create(SYSTEM, "region", Map.of("code", "N", "name", "North"))
                .id();
        String south = records.create(SYSTEM, "region", Map.of("code", "S", "name", "South"))
                .id();
        String product =
                records.list(SYSTEM, RecordQuery.all("product")).items().get(0).id();
        for (String[] shop : new String[][] {{"S1", "P1", north}, {"S2", "P1", south}, {"S3", "P2", north}}) {
            String store = records.create(
                            SYSTEM,
                            "store",
                            Map.of("code", shop[0], "name", shop[0], "partnerId", shop[1], "regionId", shop[2]))
                    .id();
            records.create(
                    SYSTEM,
                    "stock",
                    Map.of(
                            "storeId",
                            store,
                            "productId",
                            product,
                            "quantity",
                            5,
                            "unitCost",
                            410,
                            "partnerId",
                            shop[1],
                            "regionId",
                            shop[2]));
        }
        Caller northDealer = new Caller("d1", "dealer-1", Set.of(Roles.DEALER), "P1", null, Set.of(north));

        List<Record> stock = records.list(northDealer, RecordQuery.all("stock")).items();
        assertEquals(1, stock.size());
        assertFalse(stock.get(0).fields().containsKey("unitCost"));
        assertEquals(List.of("S1"), codes(northDealer, "store"));
        assertEquals(3, records.count(user(Roles.REP, anna), "stock"), "staff look stock up like the catalogue");
    }

    @Test
    void theAuditLogRecordsWhereChangesReadsAndPolicyChangesCameFrom() {
        Caller rep = user(Roles.REP, anna).from("203.0.113.7");
        Caller admin = new Caller("u-admin", "root", Set.of(Roles.ADMIN)).from("2001:db8::1");

        Record created = records.create(rep, "contact", Map.of("name", "Li Na", "email", "li.na@example.cn"));
        records.update(rep, "contact", created.id(), created.version(), Map.of("title", "CTO"));
        records.get(rep, "contact", created.id());
        records.delete(admin, "contact", created.id(), created.version() + 1);
        var policy = new AccessPolicyImpl(store, audit);
        policy.update(admin, policy.roles().get(3));

        for (String action : List.of("record-created", "record-updated", "sensitive-read")) {
            assertEquals(
                    "203.0.113.7",
                    audit.query("rep-user", action, null, null, 1).get(0).from(),
                    action);
        }
        assertEquals(
                "2001:db8::1",
                audit.query("root", "record-deleted", null, null, 1).get(0).from());
        assertEquals(
                "2001:db8::1",
                audit.query("root", "permission-changed", null, null, 1).get(0).from());
        records.create(SYSTEM, "region", Map.of("code", "X", "name", "X"));
        assertEquals(
                null,
                audit.query("system", "record-created", null, null, 1).get(0).from(),
                "no address");
    }

    @Test
    void readingPersonalDetailsIsAudited() {
        records.list(user(Roles.MANAGER, dustin), RecordQuery.all("contact"));

        var entries = audit.query("manager-user", "sensitive-read", null, null, 10);
        assertEquals(1, entries.size());
        assertEquals("1 record(s): [email, phone]", entries.get(0).detail());
    }
}
