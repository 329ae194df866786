package casebook.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from Debian's packages (/usr/bin/chromium and /usr/bin/chromedriver; .ci/run installs
 * them). Selenium is pointed at both, so it never tries to download a browser or a driver.
 */
final class Browsers implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("casebook.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("casebook.chromedriver", "/usr/bin/chromedriver");

    private final Path profiles;
    private final List<WebDriver> open = new ArrayList<>();

    Browsers(Path profiles) {
        this.profiles = profiles;
    }

    /** A fresh browser session (its own profile, so its own cookies) at 1366×768. */
    WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As the machine's notes advise: no sandbox as root, and none of Chromium's calls home, which this
        // closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=ja-JP", "--window-size=1366,768",
                "--user-data-dir=" + profiles.resolve("profile-" + open.size()));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        open.add(driver);
        return driver;
    }

    /** Screenshots go to target/screenshots, or to -Dcasebook.screenshots (docs/screenshots when refreshing the docs). */
    static void screenshot(WebDriver driver, String name) {
        Path dir = Path.of(System.getProperty("casebook.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        open.forEach(WebDriver::quit);
    }
}
