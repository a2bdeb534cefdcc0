package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.intake.access.LocalUser;
import dev.intake.store.Interview;
import dev.intake.testing.Browser;
import dev.intake.testing.LocalMode;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The operator console of `intake serve`, used as an operator uses it: in a real browser (headless
 * Chromium), pasting a token, reading the overview, following a stuck interview to its page and
 * repairing it with a click.
 */
@QuarkusTest
@TestProfile(ConsoleInBrowserTest.ServeSweepingOnlyAtStart.class)
class ConsoleInBrowserTest {

    /** On local data; serve sweeps as it starts and not again during the test, so a stall stays for the operator. */
    public static class ServeSweepingOnlyAtStart extends LocalMode {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("intake.sweeper.every", "PT1H");
            return overrides;
        }
    }

    static final Path SCREENSHOT = Path.of("target/console-overview.png");

    private static RunningServe serve;
    private static String root;
    private static Browser browser;

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    /** serve, started once for the class with an interview its first sweep resumes, and one browser. */
    @BeforeEach
    void serveAndOpenABrowser() throws Exception {
        assumeTrue(Browser.available(), "Chromium is not installed (apt-get install chromium chromium-driver; .ci/run does)");
        if (root != null) {
            return;
        }
        UUID leftByACrash = stalled.uploadedThenAbandoned();
        serve = RunningServe.start(factory);
        root = serve.root();
        assertEquals(InterviewStatus.READY, data.awaitSettled(leftByACrash).status(), "serve's first sweep resumed it");
        browser = Browser.start();
    }

    @AfterAll
    static void stopServingAndTheBrowser() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (serve != null) {
            serve.stop();
        }
    }

    private WebDriver open(String path, UUID user) {
        WebDriver driver = browser.driver();
        driver.get(root + path);
        var field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(Tokens.forUser(user));
        driver.findElement(By.cssSelector("#token-form button")).click();
        return driver;
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private void awaitText(String id, String expected) {
        browser.waiting().withMessage(() -> "#" + id + " to show '" + expected + "'; it shows: " + text(id)
                        + "; problem: " + text("problem"))
                .until(d -> text(id).contains(expected));
    }

    @Test
    void the_overview_counts_interviews_in_each_state_charts_what_ended_and_lists_the_stuck_and_the_errors() throws Exception {
        data.uploadingInterview(data.project(), "still-uploading.m4a");
        stalled.failedAt("evidence", "the model answered 400: context length exceeded");
        UUID stuck = stalled.uploadedThenAbandoned();

        open("/", LocalUser.ID);
        for (String status : new String[] {"ready", "error", "uploading", "uploaded"}) {
            awaitText("counts", status);
        }
        assertFalse(browser.driver().findElements(By.cssSelector("#stalled a[href='/interviews/" + stuck + "']")).isEmpty(),
                "the stalled interview is in the stuck list: " + text("stalled"));
        awaitText("errors", "the model answered 400: context length exceeded");
        awaitText("durations", "upload");
        assertFalse(browser.driver().findElements(By.cssSelector("#throughput svg rect.ready")).isEmpty(),
                "the interview that reached ready this hour is a bar in the chart");
        assertEquals("", text("problem"));

        Path shot = browser.driver().getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of the overview at " + SCREENSHOT);
    }

    @Test
    void a_stall_shows_in_the_stuck_list_and_a_repair_click_on_its_page_brings_it_to_ready() {
        UUID stuck = stalled.uploadedThenAbandoned();

        WebDriver driver = open("/", LocalUser.ID);
        By link = By.cssSelector("#stalled a[href='/interviews/" + stuck + "']");
        browser.waiting().withMessage(() -> "the stalled interview in the stuck list: " + text("stalled"))
                .until(ExpectedConditions.elementToBeClickable(link));
        assertTrue(driver.findElement(link).findElement(By.xpath("./ancestor::tr")).getText().contains("30 min"),
                "silent for half an hour: " + text("stalled"));
        driver.findElement(link).click();

        awaitText("summary", "uploaded");
        awaitText("summary", "present at s3://");
        awaitText("summary", "stalled in upload");
        driver.findElement(By.id("repair-current")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        awaitText("repair-result", "Running again from upload");

        awaitText("summary", "ready");
        awaitText("timeline", "finalize");
        Interview repaired = data.interview(stuck);
        assertEquals(InterviewStatus.READY, repaired.status());
        assertEquals(LocalUser.ID.toString(), repaired.run().getString("requested_by"), "the console recorded who asked");
        awaitText("summary", LocalUser.ID.toString());
    }

    @Test
    void a_user_who_is_not_an_operator_sees_the_refusal_and_cannot_repair() {
        UUID stuck = stalled.uploadedThenAbandoned();
        UUID someone = UUID.randomUUID();

        open("/", someone);
        awaitText("problem", "403: user " + someone + " is not an operator");
        assertEquals("", text("stalled"), "nothing of the pipeline is shown to them");

        WebDriver driver = open("/interviews/" + stuck, someone);
        awaitText("problem", "is not an operator");
        driver.findElement(By.id("repair-current")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        awaitText("problem", "403");
        assertEquals(InterviewStatus.UPLOADED, data.interview(stuck).status(), "the refused repair changed nothing");
    }
}
