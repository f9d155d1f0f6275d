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
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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
  private static final String RECORD_VIOLATIONS = """
      window.__violations = [];
      addEventListener('securitypolicyviolation', (e) => window.__violations.push(
          e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber), true);
      """;

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

  /**
   * Opens the dashboard already signed in with this token (as after a sign-in). The token goes into
   * the origin's local storage from another page of the origin, so that the dashboard then loads
   * once, cold (going from one of its routes to another would only change the fragment).
   */
  public Dashboard signedIn(String token) {
    return signedIn(token, "/inbox");
  }

  /** Opens a route (`/contacts`) of the dashboard already signed in with this token, once its navigation shows. */
  public Dashboard signedIn(String token, String route) {
    browser.get(url.substring(0, url.length() - "app/".length()));
    browser.executeScript("localStorage.setItem('convot.token', arguments[0]);", token);
    browser.get(url + "#" + route);
    waitFor().until(d -> !byRole("link", "Inbox").isEmpty());
    return this;
  }

  /**
   * Records from now on, in every document this browser loads and before the page's own scripts,
   * each violation of the content security policy, for {@link #policyViolations()}.
   */
  public Dashboard recordingPolicyViolations() {
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    return this;
  }

  /** The policy violations of the current document (recording must have started before it loaded). */
  public Object policyViolations() {
    return browser.executeScript("return window.__violations");
  }

  /**
   * The errors written to the browser's console so far (script errors, refused loads, failed
   * requests), but the 404 of {@code /favicon.ico}: the dashboard names its own icon, and only the
   * page outside it where {@link #signedIn} sets the token asks the server for one.
   */
  public List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.startsWith(Api.BASE_URL + "/favicon.ico "))
        .toList();
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
    // An element the page re-rendered while a condition looked at it: look again.
    wait.ignoring(StaleElementReferenceException.class);
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

  /** The text of the visible live status messages (role status): what the page says it just did. */
  public String statuses() {
    return candidates("status").stream().map(WebElement::getText).filter(t -> !t.isBlank()).collect(Collectors.joining("\n"));
  }

  /** Waits until a status message contains {@code text}, and returns every status message's text. */
  public String awaitStatus(String text) {
    return waitFor().withMessage(() -> "no status saying '" + text + "'; statuses: " + statuses())
        .until(d -> statuses().contains(text) ? statuses() : null);
  }

  /** An element's accessible description: the text of what its aria-describedby names (hints, field errors). */
  public String description(WebElement element) {
    return (String) browser.executeScript(
        "return (arguments[0].getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)"
            + ".map((id) => document.getElementById(id)).filter(Boolean).map((e) => e.textContent.trim()).join(' ');",
        element);
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
      case "searchbox" -> "input[type=search], [role=searchbox]";
      case "checkbox" -> "input[type=checkbox], [role=checkbox]";
      case "radio" -> "input[type=radio], [role=radio]";
      case "spinbutton" -> "input[type=number], [role=spinbutton]";
      case "combobox" -> "select, [role=combobox]";
      case "list" -> "ul, ol, [role=list]";
      case "listitem" -> "li, [role=listitem]";
      case "table" -> "table, [role=table]";
      case "log" -> "[role=log]";
      case "complementary" -> "aside, [role=complementary]";
      case "navigation" -> "nav, [role=navigation]";
      case "heading" -> "h1, h2, h3, h4, [role=heading]";
      case "dialog" -> "dialog, [role=dialog]";
      case "figure" -> "figure, [role=figure]";
      case "status" -> "[role=status], output";
      case "alert" -> "[role=alert]";
      case "region" -> "section, [role=region]";
      case "tab" -> "[role=tab]";
      case "progressbar" -> "progress, [role=progressbar]";
      default -> "[role=" + role + "]";
    };
    return browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }

  @Override
  public void close() {
    browser.quit();
  }
}
