package org.sellcraft.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser, on the real CRM and retail data: what a rep, a manager and an administrator
 * see and do every morning. Screenshots of the main pages are left in {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {

    private static final String REP = "Darcel Schlecht";
    private static final String REP_USER = "darcel";
    private static final String REP_PASSWORD = "darcel-password-1";
    private static final Duration MENU_CHANGE = Duration.ofSeconds(30);
    /** A user whose roles the administrator changes on the Roles tab. */
    private static final String ROLES_USER = "lin";

    private SellcraftProcess sellcraft;
    private ApiClient api;
    private BrowserSession browser;
    private final List<String> timings = new ArrayList<>();

    @BeforeAll
    void startImportAndOpenTheBrowser() throws Exception {
        sellcraft = SellcraftProcess.unpack("web-console");
        api = sellcraft.start().login("admin", SellcraftProcess.ADMIN_PASSWORD);
        api.importFile(RawData.dataset("maven-crm/accounts.csv"), "mapping=maven-crm-accounts");
        api.importFile(RawData.dataset("maven-crm/products.csv"), "mapping=maven-crm-products");
        api.importFile(RawData.dataset("maven-crm/sales_teams.csv"), "mapping=maven-crm-teams");
        api.importFile(RawData.pipelineFile(), "mapping=maven-crm-pipeline");
        JsonNode retail = api.importFile(RawData.retailFile(), "mapping=uci-online-retail");
        assertEquals("DONE", retail.get("state").asText(), retail.toString());

        String repId = api.get("/api/v1/reps?code=" + encode(REP))
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();
        ApiClient.Reply created = api.post(
                "/api/v1/users",
                Map.of(
                        "userName", REP_USER,
                        "displayName", REP,
                        "password", REP_PASSWORD,
                        "roles", List.of("rep"),
                        "personId", repId));
        assertEquals(201, created.status(), created.body());

        browser = BrowserSession.open(sellcraft.baseUrl(), sellcraft.home());
    }

    @AfterAll
    void stop() throws Exception {
        if (!timings.isEmpty()) {
            Files.createDirectories(BrowserSession.SCREENSHOTS);
            Files.write(BrowserSession.SCREENSHOTS.resolve("timings.txt"), timings);
        }
        if (browser != null) {
            browser.close();
        }
        sellcraft.close();
    }

    @Test
    @Order(1)
    void theAdministratorsDashboardLoadsWithinOneSecond() throws Exception {
        browser.signIn("admin", SellcraftProcess.ADMIN_PASSWORD);
        assertEquals("dashboard", browser.script("return document.body.dataset.view"));
        assertEquals(
                "Administrator", browser.driver.findElement(By.id("user-name")).getText());
        assertEquals(
                "Administrator", browser.driver.findElement(By.id("user-roles")).getText());

        double first = loadTime("dashboard");
        double again = loadTime("dashboard");
        timings.add(String.format("dashboard, first load after the import: %.0f ms", first));
        timings.add(String.format("dashboard, next load: %.0f ms", again));
        System.out.println(timings);

        assertTrue(again < 1000, "the dashboard took " + again + " ms");
        assertTrue(
                browser.driver.findElement(By.id("kpi-revenue")).getText().contains("25,900 orders"),
                browser.driver.findElement(By.id("kpi-revenue")).getText());
        assertEquals(
                10,
                browser.driver.findElements(By.cssSelector("#top-accounts li")).size());
        assertFalse(browser.driver
                .findElements(By.cssSelector("#chart-trend canvas"))
                .isEmpty());
        assertFalse(browser.driver
                .findElements(By.cssSelector("#chart-funnel canvas"))
                .isEmpty());
        assertFalse(browser.driver
                .findElements(By.cssSelector("#chart-heat canvas"))
                .isEmpty());
        browser.screenshot("01-dashboard");
    }

    @Test
    @Order(2)
    void theMainPagesRenderWithoutErrors() throws Exception {
        String[][] pages = {
            {"customers", "02-customers"},
            {"opportunities", "03-pipeline-board"},
            {"opportunities/list", "04-opportunities-list"},
            {"import", "05-import"},
            {"admin/users", "06-admin-users"},
            {"admin/roles", "07-admin-roles"},
            {"admin/keys", "08-admin-keys"},
            {"admin/audit", "09-admin-audit"},
            {"admin/modules", "10-admin-modules"}
        };
        for (String[] page : pages) {
            browser.open(page[0]);
            assertTrue(
                    browser.driver.findElements(By.cssSelector(".notice.error")).isEmpty(),
                    page[0] + ": " + browser.driver.findElement(By.id("view")).getText());
            browser.screenshot(page[1]);
        }
    }

    @Test
    @Order(3)
    void aCustomerPageExplainsTheHealthScore() throws Exception {
        String id = api.get("/api/v1/accounts?code=17850")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asText();

        browser.open("customers/" + id);

        assertEquals(
                "Customer 17850",
                browser.driver.findElement(By.id("customer-name")).getText());
        assertEquals(
                RawData.retail().invoicesByCustomer().get("17850").size(),
                browser.driver
                        .findElements(By.cssSelector("#order-timeline li"))
                        .size());
        WebElement score = browser.await(By.id("health-score"));
        assertTrue(score.getText().matches("\\d{1,3}"), score.getText());
        assertFalse(
                browser.driver.findElement(By.id("health-summary")).getText().isBlank());
        List<WebElement> factors = browser.driver.findElements(By.cssSelector("#health-factors li"));
        assertFalse(factors.isEmpty(), "the score is explained factor by factor");
        assertTrue(
                factors.get(0).findElement(By.className("sentence")).getText().length() > 10);
        browser.screenshot("11-customer-health");
    }

    @Test
    @Order(4)
    void aChangeSomeoneElseSavedFirstIsNotOverwrittenAndIsExplained() throws Exception {
        JsonNode opportunity = api.get("/api/v1/opportunities?stage=Won&limit=1")
                .json()
                .get("items")
                .get(0);
        String code = opportunity.get("code").asText();
        browser.open("opportunities/list?q=" + encode(code));
        browser.driver.findElement(By.cssSelector("tr.clickable")).click();
        browser.await(By.id("edit-dialog"));

        ApiClient.Reply theirs = api.patch(
                "/api/v1/opportunities/" + opportunity.get("id").asText(),
                "\"" + opportunity.get("version").asLong() + "\"",
                Map.of("value", 1234));
        assertEquals(200, theirs.status(), theirs.body());

        WebElement value = browser.driver.findElement(By.id("edit-value"));
        value.clear();
        value.sendKeys("999");
        browser.driver.findElement(By.id("edit-save")).click();

        WebElement error = browser.await(By.id("save-error"));
        assertTrue(error.getText().contains("Someone else saved this opportunity first"), error.getText());
        browser.screenshot("12-opportunity-conflict");
        assertEquals(
                0,
                api.get("/api/v1/opportunities/" + opportunity.get("id").asText())
                        .json()
                        .get("value")
                        .decimalValue()
                        .compareTo(new java.math.BigDecimal("1234")),
                "their value stands");
        browser.driver.findElement(By.id("conflict-reload")).click();
        browser.awaitReady();
    }

    @Test
    @Order(5)
    void aSmallCsvImportShowsProgressCountsAndItsRejectionReport() throws Exception {
        Path file = sellcraft.home().resolve("web-accounts.csv");
        List<String> rows = new ArrayList<>();
        rows.add("account,sector,year_established,revenue,employees,office_location,subsidiary_of");
        for (int i = 1; i <= 10; i++) {
            rows.add("Console Test " + i + ",retail,2001,12.5," + (100 + i) + ",Norway,");
        }
        rows.add("Console Test 11,retail,2001,12.5,many,Norway,");
        rows.add("Console Test 12,retail,2001,12.5,several,Norway,");
        Files.write(file, rows);

        browser.open("import");
        browser.driver
                .findElement(By.id("import-file"))
                .sendKeys(file.toAbsolutePath().toString());
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> "maven-crm-accounts"
                .equals(new Select(d.findElement(By.id("import-mapping")))
                        .getFirstSelectedOption()
                        .getAttribute("value")));
        assertTrue(
                browser.driver.findElement(By.id("ignored-columns")).getText().contains("Every column"));
        browser.driver.findElement(By.id("import-start")).click();

        WebElement summary = browser.await(By.id("import-summary"));
        assertEquals("DONE", summary.getAttribute("data-state"));
        assertEquals("100", browser.driver.findElement(By.id("progress-bar")).getAttribute("aria-valuenow"));
        assertTrue(browser.driver.findElement(By.id("progress-rate")).getText().contains("rows/s"));
        assertEquals("12", count("count-read"));
        assertEquals("10", count("count-inserted"));
        assertEquals("2", count("count-rejected"));
        browser.screenshot("13-import-summary");

        browser.driver.findElement(By.id("download-rejections")).click();
        Path report = awaitDownload();
        List<String> lines = Files.readAllLines(report);
        assertEquals(
                2,
                lines.stream()
                        .filter(l -> l.contains("many") || l.contains("several"))
                        .count(),
                lines.toString());
    }

    @Test
    @Order(6)
    void anAdministratorInstallsAModuleFromTheConsoleAndItsPageJoinsTheMenuAndLeavesWithIt() throws Exception {
        browser.open("admin/modules");
        assertTrue(browser.driver
                .findElements(By.cssSelector("a[data-page=products]"))
                .isEmpty());

        moduleButton("sellcraft-example-products", "install").click();
        WebElement entry = new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-page=products]")));
        assertEquals("Products", entry.getText());
        new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("span[data-module=sellcraft-example-products][data-state=started]")));
        browser.screenshot("14-module-installed");
        entry.click();
        browser.awaitReady();
        // The CRM's products and the retail file's stock codes; the page shows the first hundred.
        long products = api.get("/api/v1/products?limit=1").json().get("total").asLong();
        assertEquals(
                Math.min(100, products),
                browser.driver
                        .findElements(By.cssSelector("#page-products tbody tr"))
                        .size());
        browser.screenshot("15-module-page");

        browser.open("admin/modules");
        moduleButton("sellcraft-example-products", "uninstall").click();
        new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("a[data-page=products]")));
        new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("span[data-module=sellcraft-example-products][data-state=uninstalled]")));
        browser.open("products");
        assertTrue(browser.driver.findElement(By.id("view")).getText().contains("not available"));
        browser.screenshot("16-module-gone");
    }

    @Test
    @Order(7)
    void anAdministratorChangesAUsersRolesOnTheRolesTab() throws Exception {
        ApiClient.Reply created = api.post(
                "/api/v1/users",
                Map.of("userName", ROLES_USER, "password", "lin-password-1", "roles", List.of("analyst")));
        assertEquals(201, created.status(), created.body());

        browser.open("admin/roles");
        new Select(browser.await(By.id("roles-user"))).selectByValue(ROLES_USER);
        assertTrue(roleBox("analyst").isSelected());
        assertFalse(roleBox("manager").isSelected());
        assertFalse(roleBox("admin").isSelected());
        roleBox("analyst").click();
        roleBox("manager").click();
        roleBox("rep").click();
        browser.driver.findElement(By.id("roles-save")).click();

        WebElement saved = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#roles-message .notice.ok")));
        assertTrue(saved.getText().startsWith(ROLES_USER + " now holds: "), saved.getText());
        assertTrue(saved.getText().contains("Sales manager"), saved.getText());
        assertTrue(saved.getText().contains("Sales rep"), saved.getText());
        assertFalse(saved.getText().contains("Analyst"), saved.getText());
        assertEquals(
                ROLES_USER,
                new Select(browser.driver.findElement(By.id("roles-user")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        assertTrue(roleBox("manager").isSelected());
        assertFalse(roleBox("analyst").isSelected());
        showRolesForm();
        browser.screenshot("17-admin-roles-changed");

        JsonNode user = null;
        for (JsonNode listed : api.get("/api/v1/users").json()) {
            if (listed.get("userName").asText().equals(ROLES_USER)) {
                user = listed;
            }
        }
        assertTrue(user != null, "the user is listed");
        Set<String> roles = new TreeSet<>();
        user.get("roles").forEach(role -> roles.add(role.asText()));
        assertEquals(Set.of("manager", "rep"), roles);
        assertEquals(
                "user/" + ROLES_USER,
                api.get("/api/v1/security/audit?action=permission-changed&actor=admin")
                        .json()
                        .get(0)
                        .get("target")
                        .asText());

        // Taking every role away is refused on the page, and nothing changes.
        roleBox("manager").click();
        roleBox("rep").click();
        browser.driver.findElement(By.id("roles-save")).click();
        assertEquals(
                "A user needs at least one role.",
                browser.await(By.cssSelector("#roles-message .notice.error")).getText());
        assertFalse(browser.driver
                .findElements(By.cssSelector("#roles-user option[value=admin]"))
                .iterator()
                .hasNext());
    }

    /** Scrolls the role editor, below the table of roles, into the screenshot. */
    private void showRolesForm() {
        browser.script("document.getElementById('roles-form').scrollIntoView({block: 'center'})");
    }

    private WebElement roleBox(String role) {
        return browser.driver.findElement(By.cssSelector("#roles-checks input[data-role=" + role + "]"));
    }

    @Test
    @Order(10)
    void anAiTaskRunsOnARealCustomerFromItsPageAndIsSignedOff() throws Exception {
        browser.signOut();
        browser.signIn("admin", SellcraftProcess.ADMIN_PASSWORD);
        assertEquals(
                200, api.post("/api/v1/modules/sellcraft-ai/install", Map.of()).status());
        WebElement entry = new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-page=ai]")));
        assertEquals("AI tasks", entry.getText());
        entry.click();
        browser.awaitReady();

        browser.driver
                .findElement(By.cssSelector("#page-ai input[name=customer]"))
                .sendKeys("12347");
        browser.driver
                .findElement(By.cssSelector("#page-ai form button[type=submit]"))
                .click();
        new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(d -> d.getCurrentUrl().matches(".*#/ai/[0-9a-f-]{36}$"));
        browser.awaitReady();
        List<String> checks = browser.driver.findElements(By.cssSelector("#page-ai li.ok, #page-ai li.error")).stream()
                .map(WebElement::getText)
                .toList();
        assertTrue(checks.stream().anyMatch(check -> check.startsWith("grounding: passed")), checks.toString());
        assertTrue(checks.stream().noneMatch(check -> check.contains(": failed")), checks.toString());
        browser.screenshot("24-ai-run");

        browser.driver
                .findElement(By.xpath("//div[@id='page-ai']//button[text()='Adopt']"))
                .click();
        WebElement signed = new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//div[@id='page-ai']//p[contains(., 'Signed off: adopted by admin')]")));
        assertTrue(signed.isDisplayed());
        browser.screenshot("25-ai-signed-off");
        JsonNode runs = api.get("/api/v1/ai/runs?limit=5").json();
        assertEquals("adopted", runs.get(0).get("signOff").asText(), runs.toString());
        assertEquals(
                200,
                api.post("/api/v1/modules/sellcraft-ai/uninstall", Map.of()).status());
    }

    private WebElement moduleButton(String module, String operation) {
        return new WebDriverWait(browser.driver, MENU_CHANGE)
                .until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("button[data-module=" + module + "][data-operation=" + operation + "]")));
    }

    @Test
    @Order(8)
    void switchingToChineseTranslatesTheConsole() throws Exception {
        browser.open("dashboard");
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("zh-CN");
        browser.awaitReady();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("a[data-page=dashboard]"))
                        .getText()
                        .equals("首页"));

        assertEquals(
                "客户",
                browser.driver
                        .findElement(By.cssSelector("a[data-page=customers]"))
                        .getText());
        assertEquals(
                "首页",
                browser.driver.findElement(By.cssSelector("#page-dashboard h1")).getText());
        assertEquals("管理员", browser.driver.findElement(By.id("user-roles")).getText());
        assertTrue(browser.driver.findElement(By.id("kpi-winrate")).getText().contains("赢单率"));
        browser.screenshot("18-dashboard-zh");
        browser.open("customers");
        assertTrue(browser.driver.findElement(By.id("customer-total")).getText().startsWith("共"));
        browser.screenshot("19-customers-zh");
        browser.open("opportunities");
        browser.screenshot("20-pipeline-zh");
        browser.open("admin/roles");
        assertEquals("保存角色", browser.await(By.id("roles-save")).getText());
        assertTrue(browser.driver.findElement(By.id("roles-form")).getText().contains("销售经理"));
        showRolesForm();
        browser.screenshot("21-admin-roles-zh");

        new Select(browser.driver.findElement(By.id("lang"))).selectByValue("en");
        browser.awaitReady();
    }

    @Test
    @Order(9)
    void onAPhoneTheMenuFoldsAway() throws Exception {
        browser.resize(390, 844);
        try {
            browser.open("dashboard");
            assertTrue(browser.driver.findElement(By.id("menu-toggle")).isDisplayed());
            // The menu slides out of view in a short transition once the screen is narrow.
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> menuLeftEdge() < 0);
            browser.screenshot("22-phone-dashboard");

            browser.driver.findElement(By.id("menu-toggle")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> menuLeftEdge() >= 0);
            browser.screenshot("23-phone-menu");
            browser.driver.findElement(By.cssSelector("a[data-page=customers]")).click();
            browser.awaitReady();
            new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> menuLeftEdge() < 0);
            browser.screenshot("24-phone-customers");
        } finally {
            browser.resize(1400, 1000);
        }
    }

    @Test
    @Order(10)
    void aRepSeesOnlyTheirOwnCustomers() throws Exception {
        browser.signOut();
        browser.signIn(REP_USER, REP_PASSWORD);
        assertEquals(REP, browser.driver.findElement(By.id("user-name")).getText());
        assertEquals(
                "Sales rep", browser.driver.findElement(By.id("user-roles")).getText());
        assertTrue(browser.driver
                .findElements(By.cssSelector("a[data-page=import]"))
                .isEmpty());
        assertTrue(browser.driver
                .findElements(By.cssSelector("a[data-page=admin]"))
                .isEmpty());
        browser.screenshot("25-rep-dashboard");

        Set<String> expected = accountsOf(REP);
        browser.open("customers?sort=name");
        assertEquals(
                String.format("%,d customers", expected.size()),
                browser.driver.findElement(By.id("customer-total")).getText());
        Set<String> shown = new TreeSet<>();
        while (true) {
            browser.driver
                    .findElements(By.cssSelector("#page-customers tbody tr td:first-child"))
                    .forEach(cell -> shown.add(cell.getText()));
            WebElement next = browser.driver.findElement(By.id("page-next"));
            if (!next.isEnabled()) {
                break;
            }
            String range = browser.driver.findElement(By.id("customer-range")).getText();
            next.click();
            // The page is drawn again from scratch: wait until the next page's range and pager are there.
            new WebDriverWait(browser.driver, MENU_CHANGE)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.id("page-next")).isEmpty()
                            && !d.findElement(By.id("customer-range")).getText().equals(range));
            browser.awaitReady();
        }
        assertEquals(expected, shown);
        browser.open("customers");
        browser.screenshot("26-rep-customers");
    }

    /** Milliseconds from the start of a full page load until the view said it was ready. */
    private double loadTime(String route) {
        browser.open(route);
        browser.driver.navigate().refresh();
        browser.awaitReady();
        Object ready = browser.script(
                "const m = performance.getEntriesByName('view-ready:' + arguments[0]);"
                        + " return m.length ? m[0].startTime : null;",
                route);
        assertTrue(ready instanceof Number, "the view marked when it was ready");
        return ((Number) ready).doubleValue();
    }

    private double menuLeftEdge() {
        return ((Number) browser.script("return document.getElementById('menu').getBoundingClientRect().right"))
                        .doubleValue()
                - 1;
    }

    private String count(String id) {
        return browser.driver.findElement(By.cssSelector("#" + id + " b")).getText();
    }

    private Path awaitDownload() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().startsWith("rejections-")
                                && f.getFileName().toString().endsWith(".csv"))
                        .toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The rejection report was not downloaded");
    }

    /** The accounts the rep has opportunities with, from the raw pipeline file. */
    private static Set<String> accountsOf(String rep) throws IOException {
        Set<String> accounts = new TreeSet<>();
        try (var reader = Files.newBufferedReader(RawData.pipelineFile(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                if (row.get("sales_agent").equals(rep) && !row.get("account").isBlank()) {
                    accounts.add(row.get("account"));
                }
            }
        }
        return accounts;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
