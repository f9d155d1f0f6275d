package io.convot.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium (Debian's, with its own ChromeDriver): nothing is downloaded. */
public final class Browser {

  private Browser() {}

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  public static ChromeDriver start() {
    // The build installs them (as root) only when a browser test is selected; run from elsewhere, say why.
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("The browser tests need Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): install the packages chromium and chromium-driver");
    }
    try {
      ChromeOptions options = new ChromeOptions()
          .setBinary(CHROMIUM)
          .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
              "--disable-quic", "--window-size=1280,900",
              "--user-data-dir=" + Files.createTempDirectory("convot-chromium"));
      // The console's messages (script errors, refused loads, policy violations) for the tests to read.
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
      return new ChromeDriver(service, options);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WebDriverWait waitUpTo(ChromeDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }
}
