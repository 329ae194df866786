package casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.e2e.FakeIdentityProvider;
import casebook.e2e.RunningCasebook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in through the division's identity provider in real Chromium. The provider runs on 127.0.0.1 and
 * Casebook on localhost, so the way back is a cross-site navigation: this is where a SameSite=Strict session
 * cookie would lose the pending sign-in, and the browser enforces it, not a test client.
 */
class OidcBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path data;
    @TempDir
    static Path profiles;
    static FakeIdentityProvider idp;
    static RunningCasebook app;
    static Browsers browsers;

    @BeforeAll
    static void start() throws Exception {
        idp = new FakeIdentityProvider();
        app = RunningCasebook.start(data, idp.clientRegistration("division", "厚生労働省 職員ID").toArray(String[]::new));
        browsers = new Browsers(profiles);
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (app != null) {
            app.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void aSupervisorSignsInWithTheDivisionIdAndSomeoneWithoutARoleIsTurnedAway() {
        WebDriver browser = browsers.open();
        browser.get(app.url("/"));
        By button = By.linkText("厚生労働省 職員IDでサインイン");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(button));
        Browsers.screenshot(browser, "01-sign-in-identity-provider");
        assertThat(browser.findElement(By.id("top")).getText()).as("the header before sign-in").doesNotContain("null");

        idp.signsInNext(Map.of("preferred_username", "sato.jiro", "casebook_role", "SUPERVISOR", "casebook_bureau", "kyushu"));
        browser.findElement(button).click();
        continueAtTheProvider(browser);
        WebElement who = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=signed-in-user]")));
        assertThat(who.getText()).contains("sato.jiro", "課長・課長補佐", "九州厚生局");
        assertThat(browser.getCurrentUrl()).startsWith(app.url("/"));
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "決裁待ち"));

        browser.findElement(By.xpath("//button[normalize-space()='サインアウト']")).click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(button));

        idp.signsInNext(Map.of("preferred_username", "visitor"));
        browser.findElement(button).click();
        continueAtTheProvider(browser);
        WebElement error = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(error.getText()).contains("サインインできませんでした");
        assertThat(browser.getCurrentUrl()).doesNotContain("signin=refused");
        assertThat(browser.findElements(By.cssSelector("[data-testid=signed-in-user]"))).isEmpty();
    }

    /** On the provider's own page (another site), the person goes on: the way back starts there. */
    private static void continueAtTheProvider(WebDriver browser) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("continue")));
        assertThat(browser.getCurrentUrl()).startsWith(idp.issuer());
        browser.findElement(By.id("continue")).click();
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }
}
