package org.sellcraft.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium, Debian's, driven by its own chromedriver: the browser a person would open the console in.
 * Screenshots go to {@code target/screenshots}.
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final String base;

    private BrowserSession(ChromeDriver driver, Path downloads, String base) {
        this.driver = driver;
        this.downloads = downloads;
        this.base = base;
    }

    /**
     * Starts the browser.
     *
     * @throws IllegalStateException naming the packages to install when chromium or chromedriver is missing
     */
    static BrowserSession open(String base, Path work) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The web console tests need Debian's chromium and chromedriver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=1400,1000",
                "--lang=en-GB");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        Files.createDirectories(SCREENSHOTS);
        return new BrowserSession(new ChromeDriver(service, options), downloads, base);
    }

    /** Opens a console route, for example {@code customers/123}, and waits until its view is ready. */
    void open(String route) {
        driver.get(base + "/console/#/" + route);
        awaitReady();
    }

    /** Waits until the console has rendered its current view. */
    void awaitReady() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true"
                .equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void signIn(String user, String password) {
        driver.get(base + "/console/");
        await(By.id("userName")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        await(By.id("menu"));
        awaitReady();
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        await(By.id("userName"));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
