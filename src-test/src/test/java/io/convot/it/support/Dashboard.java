package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent dashboard (/app/) in a real browser, driven the way people find things: by role and
 * accessible name, as the browser computes them (WebDriver's computed role and label), never by
 * CSS classes or ids of our own.
 */
public final class Dashboard implements AutoCloseable {

  public static final String URL = Api.BASE_URL + "/app/";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver browser;
  private final String url;

  public Dashboard() {
    this(Api.BASE_URL);
  }

  /** The dashboard of the server at {@code baseUrl} (e.g. through a {@link TcpProxy}). */
  public Dashboard(String baseUrl) {
    this.url = baseUrl + "/app/";
    this.browser = Browser.start();
  }

  /** Opens the dashboard already signed in with this token (as after a sign-in). */
  public Dashboard signedIn(String token) {
    browser.get(url + "#/signin");
    browser.executeScript("localStorage.setItem('convot.token', arguments[0]);", token);
    // Only the hash differs from the page already loaded: load it again so it reads the token.
    browser.navigate().to(url + "#/inbox");
    browser.navigate().refresh();
    waitFor().until(d -> !byRole("link", "Inbox").isEmpty());
    return this;
  }

  /** Opens a route (`#/settings/webhooks`) of the signed-in dashboard. */
  public Dashboard open(String route) {
    browser.get(url + "#" + route);
    return this;
  }

  public WebDriverWait waitFor() {
    return waitFor(10);
  }

  public WebDriverWait waitFor(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.pollingEvery(Duration.ofMillis(50));
    wait.ignoring(StaleElementReferenceException.class); // re-rendered while being looked at: look again
    return wait;
  }

  /** The visible elements with this ARIA role (computed by the browser) and exactly this accessible name. */
  public List<WebElement> byRole(String role, String name) {
    return candidates(role).stream()
        .filter(e -> name.equals(e.getAccessibleName()) && role.equals(e.getAriaRole()))
        .collect(Collectors.toList());
  }

  /** The one element with this role and name, waiting up to 10 s for it to show. */
  public WebElement find(String role, String name) {
    return waitFor().withMessage(() -> "no " + role + " named '" + name + "'").until(d -> {
      List<WebElement> found = byRole(role, name);
      return found.size() == 1 ? found.get(0) : null;
    });
  }

  public WebElement button(String name) {
    return find("button", name);
  }

  public WebElement link(String name) {
    return find("link", name);
  }

  public WebElement textbox(String name) {
    return find("textbox", name);
  }

  /** Clicks a button once it is enabled. */
  public void click(String role, String name) {
    WebElement element = find(role, name);
    waitFor().until(ExpectedConditions.elementToBeClickable(element));
    element.click();
  }

  /** Fails with every serious or critical axe-core violation of the page as it is now. */
  public void assertAccessible(String what) {
    Results results = new AxeBuilder().analyze(browser);
    List<Rule> bad = results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
    assertEquals(List.of(), bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).toList(),
        "axe-core violations on " + what);
  }

  /** Saves a screenshot as target/screenshots/NAME.png (to look at, not to compare). */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<WebElement> candidates(String role) {
    String css = switch (role) {
      case "button" -> "button, [role=button], input[type=submit], input[type=button], summary";
      case "link" -> "a[href], [role=link]";
      case "textbox" -> "input:not([type]), input[type=text], input[type=email], input[type=password], input[type=url], "
          + "input[type=search], textarea, [role=textbox]";
      case "checkbox" -> "input[type=checkbox], [role=checkbox]";
      case "combobox" -> "select, [role=combobox]";
      case "list" -> "ul, ol, [role=list]";
      case "listitem" -> "li, [role=listitem]";
      case "table" -> "table, [role=table]";
      case "log" -> "[role=log]";
      case "complementary" -> "aside, [role=complementary]";
      case "navigation" -> "nav, [role=navigation]";
      case "heading" -> "h1, h2, h3, h4, [role=heading]";
      case "dialog" -> "dialog, [role=dialog]";
      case "status" -> "[role=status], output";
      case "alert" -> "[role=alert]";
      case "region" -> "section, [role=region]";
      case "tab" -> "[role=tab]";
      default -> "[role=" + role + "]";
    };
    return browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }

  @Override
  public void close() {
    browser.quit();
  }
}
