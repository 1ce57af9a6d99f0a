package io.fastship.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the distribution's packages, driven through the packaged chromedriver. Selenium is
 * given both paths, so its manager never tries to download a browser or a driver.
 */
final class Browser {

    private static final String DRIVER_PROPERTY = "webdriver.chrome.driver";

    private Browser() {
    }

    /** A headless browser, or the test is skipped saying what is missing. */
    static ChromeDriver open() {
        Optional<Path> driver = find(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "chromedriver");
        Optional<Path> chromium = find(System.getenv("CHROMIUM"), "/usr/bin/chromium", "chromium",
                "chromium-browser");
        Assumptions.assumeTrue(driver.isPresent() && chromium.isPresent(), "browser tests skipped: "
                + (driver.isEmpty() ? "chromedriver" : "chromium") + " not found (apt-get install chromium chromium-driver)");
        System.setProperty(DRIVER_PROPERTY, driver.get().toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Saves what the browser shows now as a PNG. */
    static void screenshot(ChromeDriver browser, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static Optional<Path> find(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            Path path = Path.of(candidate);
            if (path.isAbsolute()) {
                if (Files.isExecutable(path)) {
                    return Optional.of(path);
                }
                continue;
            }
            String pathVariable = System.getenv().getOrDefault("PATH", "");
            Optional<Path> onPath = Stream.of(pathVariable.split(java.io.File.pathSeparator))
                    .map(dir -> Path.of(dir, candidate)).filter(Files::isExecutable).findFirst();
            if (onPath.isPresent()) {
                return onPath;
            }
        }
        return Optional.empty();
    }
}
