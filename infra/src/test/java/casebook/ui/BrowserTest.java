package casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.demo.DemoScenario;
import casebook.e2e.RunningCasebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser UI in real headless Chromium against the real application on the embedded server: every demo user
 * signs in; an officer holds 香春町's 1.5mtg from the matrix, a supervisor's open matrix shows it without a reload,
 * an auditor moves the as-of control back before it; an invalid value shows its error beside the field. Waits
 * poll the page for what the user would see (WebDriverWait), never a fixed sleep.
 */
class BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int FISCAL_YEAR = 2026;

    @TempDir
    static Path data;
    @TempDir
    static Path profiles;
    static RunningCasebook app;
    static Browsers browsers;
    static String kawara;

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data, "casebook.demo-data=true");
        browsers = new Browsers(profiles);
        // 香春町 (406015) in 令和8年度: 0.5mtg and the first visit held, the 1.5mtg planned — ready to be held.
        kawara = app.created("officer-kyushu", "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", FISCAL_YEAR, "municipalityCode", "406015",
                "themes", List.of(Map.of("code", "SERVICE_ACTIVITY", "detail", "サービス・活動Ａ、Ｂ"))));
        String base = "/api/engagements/" + kawara;
        app.ok("officer-kyushu", "POST", base + "/selection", Map.of("selectedOn", "2026-07-01", "selectedBy", "BUREAU"));
        app.ok("officer-kyushu", "PUT", base + "/milestones/M0_5/plan", Map.of("plannedOn", "2026-08-05", "startTime", "13:30", "endTime", "15:00"));
        app.ok("officer-kyushu", "POST", base + "/milestones/M0_5/held", Map.of("heldOn", "2026-08-05", "mode", "ONLINE"));
        app.ok("officer-kyushu", "POST", base + "/milestones/VISIT_1/held", Map.of("heldOn", "2026-10-02", "mode", "ONSITE"));
        app.ok("officer-kyushu", "PUT", base + "/milestones/M1_5/plan",
                Map.of("plannedOn", "2026-11-11", "startTime", "13:30", "endTime", "15:00", "mode", "ONLINE"));
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyDemoUserSignsInAndSeesTheirHomePage() throws Exception {
        WebDriver browser = browsers.open();
        browser.get(app.url("/"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
        Browsers.screenshot(browser, "01-sign-in");
        for (String[] user : new String[][] {{"officer-kyushu", "担当者", "今週の予定"}, {"officer-kanto", "担当者", "今週の予定"},
                {"supervisor-kyushu", "課長・課長補佐", "決裁待ち"}, {"auditor", "監査", "監査する案件"}, {"admin", "管理者", "casebook.audittrail: 0件"}}) {
            signIn(browser, user[0]);
            WebElement who = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=signed-in-user]")));
            assertThat(who.getText()).contains(user[0], user[1]);
            waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), user[2]));
            Browsers.screenshot(browser, "02-home-" + user[0]);
            if (user[0].equals("admin")) {
                // The import is offered on the admin page; this store holds events, so the server's refusal is shown.
                Path export = Files.writeString(profiles.resolve("export.ndjson"), "{\"kind\":\"header\"}\n");
                browser.findElement(By.id("import-file")).sendKeys(export.toString());
                browser.findElement(By.xpath("//button[normalize-space()='インポート / import']")).click();
                waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "already holds events"));
            }
            browser.findElement(By.xpath("//button[normalize-space()='サインアウト']")).click();
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
        }
        // A wrong password is refused on the sign-in screen itself.
        fill(browser.findElement(By.id("signin-user")), "officer-kyushu");
        fill(browser.findElement(By.id("signin-password")), "wrong");
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
    }

    @Test
    void holdingThe15MeetingFromTheMatrixShowsLiveAndCanBeSeenBeforeInTheAuditorView() {
        WebDriver officer = browsers.open();
        WebDriver supervisor = browsers.open();
        signIn(officer, "officer-kyushu");
        signIn(supervisor, "supervisor-kyushu");
        String matrix = app.url("/#/matrix?bureau=kyushu&fiscalYear=" + FISCAL_YEAR + "&programme=KASOKUKA");
        officer.get(matrix);
        supervisor.get(matrix);
        By cell = By.cssSelector("[data-testid='cell-406015-M1_5']");
        for (WebDriver b : List.of(officer, supervisor)) {
            waitFor(b).until(ExpectedConditions.attributeContains(By.cssSelector("[data-testid=live-status]"), "class", "on"));
            waitFor(b).until(ExpectedConditions.attributeToBe(cell, "data-status", "PLANNED"));
        }
        // The supervisor's page must not reload: a mark left in it must still be there afterwards.
        ((JavascriptExecutor) supervisor).executeScript("window.__sameDocument = 'yes';");
        long versionBefore = app.version("officer-kyushu", kawara);

        officer.findElement(cell).click();
        WebElement dialog = waitFor(officer).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.modal")));
        assertThat(dialog.getText()).contains("香春町", "1.5mtg");
        WebElement heldForm = dialog.findElement(By.cssSelector(".tab-panel:not([hidden]) form"));
        // An invalid value first: a negative headcount. The server's field error appears beside the field.
        WebElement headcount = heldForm.findElement(By.cssSelector("[aria-label='headcount 1']"));
        fill(heldForm.findElement(By.cssSelector("[aria-label='organisation 1']")), "香春町 健康づくり課");
        fill(headcount, "-3");
        fill(heldForm.findElement(By.cssSelector("textarea[name=agenda]")), "支援方針の確認\n次回訪問の準備");
        heldForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = waitFor(officer).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog.modal .field[data-field=participants] .field-error")));
        assertThat(error.getText()).isNotBlank();
        assertThat(heldForm.findElement(By.cssSelector("textarea[name=agenda]")).getAttribute("value"))
                .as("nothing typed is lost on an error").contains("次回訪問の準備");
        assertThat(app.version("officer-kyushu", kawara)).as("a refused command writes nothing").isEqualTo(versionBefore);
        Browsers.screenshot(officer, "05-form-field-error");

        fill(headcount, "12");
        heldForm.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(officer).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog.modal")));

        // Live: the supervisor's open matrix shows it, in the same document.
        waitFor(supervisor).until(ExpectedConditions.attributeToBe(cell, "data-status", "HELD"));
        assertThat(((JavascriptExecutor) supervisor).executeScript("return window.__sameDocument;")).isEqualTo("yes");
        assertThat(supervisor.findElement(cell).getText()).contains("11/11");
        Browsers.screenshot(supervisor, "03-matrix-live");

        // The auditor: the case as it stands, then the as-of control one step back, before the meeting was held.
        WebDriver auditor = browsers.open();
        signIn(auditor, "auditor");
        auditor.get(app.url("/#/audit/" + kawara));
        By m15 = By.cssSelector("[data-testid=as-of-state] article.milestone[data-kind=M1_5] .badge");
        waitFor(auditor).until(ExpectedConditions.textToBe(m15, "実施済"));
        List<WebElement> rows = auditor.findElements(By.cssSelector("table[data-testid=timeline] > tbody > tr"));
        // Each row shows the event's hash as stored; the next row's previous hash is this one (on hover).
        List<WebElement> hashes = auditor.findElements(By.cssSelector("table[data-testid=timeline] code.hash"));
        assertThat(hashes).hasSize(rows.size());
        assertThat(hashes.get(1).getAttribute("title")).contains("prevHash " + hashes.get(0).getAttribute("data-hash"));
        assertThat(rows.get(rows.size() - 1).getAttribute("textContent")).contains("officer-kyushu", "実施記録");
        WebElement slider = auditor.findElement(By.id("as-of-slider"));
        slider.sendKeys(Keys.ARROW_LEFT);
        waitFor(auditor).until(ExpectedConditions.textToBe(m15, "予定"));
        waitFor(auditor).until(ExpectedConditions.attributeContains(rows.get(rows.size() - 1), "class", "after-as-of"));
        Browsers.screenshot(auditor, "06-auditor-as-of");
        // …and the verify button says the chain is intact.
        auditor.findElement(By.xpath("//button[normalize-space()='改ざん検査']")).click();
        waitFor(auditor).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".verdict"), "改ざんはありません"));
    }

    @Test
    void theOtherScreensShowTheDemoCases() {
        WebDriver browser = browsers.open();
        signIn(browser, "supervisor-kyushu");
        browser.get(app.url("/#/engagements/" + DemoScenario.engagementId("F02")));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "香春町"));
        assertThat(browser.findElement(By.cssSelector("ol.progress-line")).getText()).contains("0.5mtg", "報告会");
        // Dates in the Japanese calendar, the Gregorian one on hover.
        WebElement date = browser.findElement(By.cssSelector("article.milestone[data-kind=M1_5] time"));
        assertThat(date.getText()).isEqualTo("令和6年11月11日（月）");
        assertThat(date.getAttribute("title")).isEqualTo("2024-11-11");
        Browsers.screenshot(browser, "04-engagement");

        browser.get(app.url("/#/matrix?bureau=kyushu&fiscalYear=2024&programme=KASOKUKA"));
        waitFor(browser).until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid='cell-406015-M1_5']"), "data-status", "HELD"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("令和6年度");
        Browsers.screenshot(browser, "03-matrix-fy2024");

        browser.get(app.url("/#/grants?bureau=kyushu&targetFiscalYear=2025"));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.data tbody tr a")));
        Browsers.screenshot(browser, "07-grant-worklist");
        browser.get(app.url("/#/grant-cases/" + DemoScenario.grantCaseId("G03")));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.procedure")));
        assertThat(browser.findElement(By.id("main")).getText()).contains("支出負担行為示達", "交付決定決裁");
        Browsers.screenshot(browser, "08-grant-case");
        browser.get(app.url("/#/grants/deadlines?bureau=kyushu&from=2025-04-01&to=2026-03-31"));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.deadlines tbody tr")));
        Browsers.screenshot(browser, "09-deadline-board");

        // English on request.
        browser.findElement(By.xpath("//button[normalize-space()='English']")).click();
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Deadlines"));
    }

    private static void signIn(WebDriver browser, String user) {
        if (!browser.getCurrentUrl().startsWith(app.url("/"))) {
            browser.get(app.url("/"));
        }
        WebElement name = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-user")));
        fill(name, user);
        fill(browser.findElement(By.id("signin-password")), "demo");
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=signed-in-user]")));
    }

    private static void fill(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }
}
