package io.ltvcascade.e2e;

import static io.ltvcascade.e2e.Platform.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ltvcascade.embeddeddb.TestDatabase;
import io.restassured.RestAssured;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium (Debian's chromium and chromedriver; `.ci/run` installs them) against the packaged
 * api with its worker and real CDNOW data: a wrong key, log in, the dataset, train from the model page and watch
 * the job succeed, promote, the version report's charts, schedules. Screenshots go to target/screenshots.
 */
class ConsoleIT {

    private static final String OPERATOR = "ltv_0000000000e4_e2e-operator-key-not-for-production";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final int EPOCHS = 3;

    private static TestDatabase database;
    private static Process api;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        database = TestDatabase.create();
        int port = Platform.freePort();
        api = Platform.api(database, port, OPERATOR, true, "e2e-console-platform.log");
        RestAssured.port = port;
        base = "http://localhost:" + port;
        Platform.waitFor(() -> given().get("/q/health/ready").statusCode() == 200, Duration.ofMinutes(2),
                "the api to start", api);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(Path.of("target/screenshots"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        Platform.stop(api);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldLogInTrainWatchPromoteAndShowTheReport() throws Exception {
        String key = tenantWithDataModelAndSchedule();

        browser.get(base + "/console/");
        logIn("ltv_000000000000_not-a-real-key-at-all");
        assertTrue(visible("error").getText().contains("refused"), visible("error").getText());
        shot("login-error");

        logIn(key);
        waitFor(By.cssSelector("#datasets tbody tr"));
        assertTrue(browser.findElement(By.id("datasets")).getText().contains("cdnow"));
        shot("overview-before-training");

        browser.findElement(By.linkText("console-ccor")).click();
        new Select(waitFor(By.id("train-dataset"))).selectByIndex(0);
        browser.findElement(By.id("train-fold")).sendKeys("nope");
        browser.findElement(By.cssSelector("#train-form button")).click();
        assertTrue(visible("error").getText().contains("422") && visible("error").getText().contains("no column 'nope'"),
                "the API's problem is shown: " + visible("error").getText());
        shot("api-error");
        browser.findElement(By.id("train-fold")).clear();
        browser.findElement(By.id("train-fold")).sendKeys("fold");
        browser.findElement(By.cssSelector("#train-form button")).click();
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(
                ExpectedConditions.textToBe(By.id("job-status"), "succeeded"));
        assertEquals(EPOCHS, points("#progress-loss polyline[data-series='training loss']"));
        assertEquals(EPOCHS, points("#progress-gini polyline[data-series='validation Gini']"));
        shot("job");

        browser.findElement(By.linkText("console-ccor")).click();
        waitFor(By.cssSelector("button.promote[data-version='1']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("aliases"), "champion"));
        assertTrue(browser.findElement(By.id("aliases")).getText().contains("v1"));
        shot("model");

        browser.findElement(By.linkText("v1")).click();
        waitFor(By.id("gain-chart"));
        assertEquals(101, points("#gain-chart polyline[data-series='model']"));
        assertEquals(101, points("#gain-chart polyline[data-series='perfect']"));
        assertEquals(20, browser.findElements(By.cssSelector("#calibration-chart rect")).size(), "10 deciles, 2 bars each");
        assertEquals(EPOCHS, points("#validation-chart polyline[data-series='validation Gini']"));
        assertEquals(EPOCHS, points("#loss-chart polyline[data-series='total']"));
        assertEquals(6, browser.findElements(By.cssSelector("#confusion tbody tr")).size(), "one row per bucket");
        assertTrue(browser.findElement(By.id("lineage")).getText().contains("cpu()"));
        shot("version");

        browser.findElement(By.linkText("Schedules")).click();
        assertTrue(waitFor(By.id("schedules")).getText().contains("0 0 3 * * ?"));
        shot("schedules");
        browser.findElement(By.linkText("#1")).click();
        assertTrue(waitFor(By.className("empty")).getText().contains("No fires yet"));

        browser.findElement(By.linkText("Overview")).click();
        assertTrue(waitFor(By.id("models")).getText().contains("v1"), "the overview shows the champion");
        assertTrue(waitFor(By.id("job-rows")).getText().contains("succeeded"));
        shot("overview");

        // a key revoked while the console is open: the next page load says so and asks to log in again
        as(OPERATOR).delete("/api/v1/tenants/" + tenantOf(key) + "/keys/" + keyIdOf(key)).then().statusCode(200);
        browser.navigate().refresh();
        assertTrue(visible("error").getText().contains("refused"), visible("error").getText());
        assertTrue(browser.findElement(By.id("login")).isDisplayed());
    }

    private String tenantWithDataModelAndSchedule() throws Exception {
        long tenant = as(OPERATOR).contentType("application/json").body(Map.of("name", "console"))
                .post("/api/v1/tenants").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = as(OPERATOR).contentType("application/json").body(Map.of("name", "browser", "scopes", List.of("admin")))
                .post("/api/v1/tenants/" + tenant + "/keys").then().statusCode(201).extract().jsonPath().getString("key");
        List<String> lines = Files.readAllLines(Platform.ROOT.resolve("../shared/data/cdnow/ltv_table.csv").normalize());
        as(key).contentType("text/csv").body(String.join("\n", lines.subList(0, 6001)) + "\n")
                .queryParam("name", "cdnow").queryParam("id_column", "customer_id").queryParam("label_column", "label")
                .queryParam("ignore", "fold,label_*").post("/api/v1/datasets").then().statusCode(201);
        as(key).contentType("application/json").body(Map.of("name", "console-ccor", "config",
                Map.of("training", Map.of("epochs", EPOCHS, "patience", EPOCHS)))).post("/api/v1/models").then().statusCode(201);
        as(key).contentType("application/json").body(Map.of("model", "console-ccor", "cron", "0 0 3 * * ?",
                "dataset_name", "cdnow", "split", Map.of("fold_column", "fold"))).post("/api/v1/schedules").then().statusCode(201);
        return key;
    }

    private void logIn(String key) {
        WebElement field = waitFor(By.id("key"));
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.cssSelector("#login-form button")).click();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private WebElement visible(String id) {
        return waitFor(By.id(id));
    }

    private int points(String css) {
        return Integer.parseInt(waitFor(By.cssSelector(css)).getAttribute("data-points"));
    }

    private void shot(String name) throws Exception {
        File png = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), Path.of("target/screenshots/" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long tenantOf(String key) {
        return as(key).get("/api/v1/me").then().extract().jsonPath().getLong("tenant_id");
    }

    private static long keyIdOf(String key) {
        return as(key).get("/api/v1/me").then().extract().jsonPath().getLong("key_id");
    }

}
