package io.convot.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A Shopify app's admin page that drives the widget SDK in headless Chromium, the way a team's
 * host code does: the page on its own origin ({@link HostPage}), the snippet in one of its forms,
 * host code run before the loader arrives, and then commands run in the page. The page records
 * what the host can see: the console's warnings and errors (each with its text), uncaught errors,
 * and the events its {@code __listener(name)} callbacks received ({@code __events}).
 *
 * <p>One organization and one browser for a test class; each {@link #load} can take a new app,
 * whose visitor storage in the browser starts empty (the frame keys it by app key).
 */
public final class SdkHost implements AutoCloseable {

  /** The snippet's forms: the array queue, the object form, and Crisp's host code in compatibility mode. */
  public enum Form { ARRAY, OBJECT, CRISP }

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** The warning that tells the page the widget handled everything sent before it. */
  private static final String SETTLED = "Convot: unknown command \"do settle:";

  private final Organizations.Owner owner;
  /** The owner's dashboard, open for the host's life: a team with someone online is available (outside office hours it is not). */
  private final LiveClient dashboard;
  private final HostPage host;
  public final ChromeDriver browser;
  private JsonObject app;
  private int settles;

  public SdkHost(String organization) {
    owner = Organizations.signUp(organization);
    dashboard = LiveClient.connect("/realtime/v1/agent",
        jakarta.json.Json.createObjectBuilder().add("type", "auth").add("token", owner.token()).build());
    try {
      dashboard.await(LiveClient.ofType("ready"), java.time.Duration.ofSeconds(10));
      host = new HostPage();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    browser = Browser.start();
  }

  public Api api() {
    return owner.api();
  }

  public HostPage host() {
    return host;
  }

  public JsonObject app() {
    return app;
  }

  /** A new app of this organization allowing the host page's origin. */
  public JsonObject newApp(String name) {
    return newApp(name, Json.createObjectBuilder());
  }

  /** A new app of this organization allowing the host page's origin; {@code fields} adds members (office hours...). */
  public JsonObject newApp(String name, JsonObjectBuilder fields) {
    JsonObject body = fields.add("name", name)
        .add("allowed_origins", Json.createArrayBuilder().add(host.origin())).build();
    Api.Reply reply = owner.api().post("/api/v1/apps", body.toString());
    assertEquals(201, reply.status(), () -> "app creation failed: " + reply);
    app = reply.json();
    return app;
  }

  /** A new app that is never available: office hours with every day closed. */
  public JsonObject newAwayApp(String name) {
    return newApp(name, Json.createObjectBuilder().add("office_hours",
        Json.createObjectBuilder().add("timezone", "UTC").add("days", Json.createObjectBuilder())));
  }

  /** Loads the host page of a new app with the snippet in {@code form} and {@code hostCode} run before the loader. */
  public SdkHost load(Form form, String hostCode) {
    newApp("Acme Orders");
    return reload(form, hostCode);
  }

  /** Loads the host page of the current app again (its visitor's storage kept). */
  public SdkHost reload(Form form, String hostCode) {
    settles = 0;
    host.show(page(form, app.getString("app_key"), hostCode));
    browser.get(host.origin() + "/");
    return this;
  }

  private static String page(Form form, String appKey, String hostCode) {
    String snippet = switch (form) {
      case ARRAY -> "window.Convot = window.Convot || [];\nConvot.app_id = \"" + appKey + "\";";
      case OBJECT -> "window.Convot = { app_id: \"" + appKey + "\" };";
      case CRISP -> "window.$crisp = [];\nwindow.CRISP_WEBSITE_ID = \"" + appKey + "\";\nwindow.Convot = { crisp_compat: true };";
    };
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Acme admin</title>
        <script>
          window.__warnings = [];
          window.__errors = [];
          window.__events = [];
          window.__listeners = {};
          (function () {
            var warn = console.warn, error = console.error;
            console.warn = function () { __warnings.push([].join.call(arguments, ' ')); return warn.apply(console, arguments); };
            console.error = function () { __errors.push([].join.call(arguments, ' ')); return error.apply(console, arguments); };
          })();
          addEventListener('error', function (e) { __errors.push('uncaught: ' + e.message); });
          addEventListener('unhandledrejection', function (e) { __errors.push('unhandled: ' + e.reason); });
          // One callback per name (and tag), kept so that the page can pass the same function to off.
          window.__listener = function (name, tag) {
            var id = name + (tag ? '#' + tag : '');
            return __listeners[id] = __listeners[id] || function (value) {
              __events.push({ name: id, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) });
            };
          };
        </script>
        <script>
        %s
        %s
        </script>
        <script async src="%s/widget/v1/loader.js"></script>
        </head>
        <body><h1>Acme orders</h1><p>Your Shopify app's admin page.</p></body></html>
        """.formatted(snippet, hostCode == null ? "" : hostCode, Api.BASE_URL);
  }

  /** Runs host code in the page and answers its {@code return} value. */
  public Object js(String script) {
    return browser.executeScript(script);
  }

  /** Waits until the widget has a session (its identifier, the contact id) and answers it. */
  public String awaitSession() {
    return Browser.waitUpTo(browser, 20).withMessage("the widget never got a session").until(driver -> (String) browser
        .executeScript("return window.Convot && Convot.get ? Convot.get('session:identifier') || null : null;"));
  }

  /** Waits until the page's {@code script} answers something its predicate accepts, and answers that. */
  @SuppressWarnings("unchecked")
  public <T> T awaitJs(String script, Predicate<T> done, String what) {
    return Eventually.await(() -> (T) browser.executeScript(script), done, Duration.ofSeconds(15), what);
  }

  /** The events recorded so far, as {@code [name, value]} pairs ({@code value} as JSON text). */
  public List<String> events() {
    List<String> events = new ArrayList<>();
    for (Object event : (List<?>) browser.executeScript("return __events.map(function (e) { return e.name + ' ' + JSON.stringify(e.value); });")) {
      events.add((String) event);
    }
    return events;
  }

  /** Waits until an event with that name was recorded {@code count} times in all, and answers the events. */
  public List<String> awaitEvent(String name, int count) {
    return Eventually.await(this::events, events -> events.stream().filter(e -> e.startsWith(name + " ")).count() >= count,
        Duration.ofSeconds(15), "event " + name + " #" + count);
  }

  /** The console's warnings so far, but those {@link #warningsOf} caused to know the widget handled everything. */
  public List<String> warnings() {
    return allWarnings().stream().filter(w -> !w.startsWith(SETTLED)).toList();
  }

  private List<String> allWarnings() {
    return strings("return __warnings.slice();");
  }

  public List<String> errors() {
    return strings("return __errors.slice();");
  }

  /**
   * Runs host code, then waits until the widget handled everything sent so far (the frame answers
   * an unknown command with a warning, after those of every earlier command), and answers the
   * console warnings that came in between.
   */
  public List<String> warningsOf(String script) {
    int before = allWarnings().size();
    js(script);
    String marker = String.valueOf(++settles);
    js("Convot.push(['do', 'settle:" + marker + "']);");
    List<String> all = Eventually.await(this::allWarnings, list -> list.contains(SETTLED + marker + "\""),
        Duration.ofSeconds(10), "the widget handling " + script);
    return all.subList(before, all.size()).stream().filter(w -> !w.startsWith(SETTLED)).toList();
  }

  /** Waits until the widget handled everything sent so far. */
  public void settle() {
    List<String> warned = warningsOf("");
    assertEquals(List.of(), warned, "warnings");
  }

  /** Runs {@code action} inside the chat frame. */
  public <T> T inFrame(Function<ChromeDriver, T> action) {
    Browser.waitUpTo(browser, 20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='Chat']")));
    try {
      return action.apply(browser);
    } finally {
      browser.switchTo().defaultContent();
    }
  }

  /** The chat frame's box in the page and its display: {x, y, width, height, display, zIndex}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> frameBox() {
    return (Map<String, Object>) browser.executeScript("""
        var f = document.querySelector("iframe[title='Chat']"), r = f.getBoundingClientRect(), s = getComputedStyle(f);
        return { x: r.left, y: r.top, width: r.width, height: r.height, display: s.display, zIndex: s.zIndex,
          viewportWidth: document.documentElement.clientWidth, viewportHeight: document.documentElement.clientHeight };
        """);
  }

  /** The contact of the widget's session, through the REST API. */
  public JsonObject contact(String contactId) {
    Api.Reply reply = owner.api().get("/api/v1/contacts/" + contactId);
    assertEquals(200, reply.status(), () -> "contact: " + reply);
    return reply.json();
  }

  /** Waits until the contact satisfies {@code done} through the REST API. */
  public JsonObject awaitContact(String contactId, Predicate<JsonObject> done, String what) {
    return Eventually.await(() -> contact(contactId), done, Duration.ofSeconds(15), what);
  }

  /** Waits until the contact of the widget's session (whichever it is by then) satisfies {@code done}. */
  public JsonObject awaitSessionContact(Predicate<JsonObject> done, String what) {
    return Eventually.await(() -> contact((String) js("return Convot.get('session:identifier');")), done,
        Duration.ofSeconds(15), what);
  }

  /** The app's only conversation, once the visitor's first message made it. */
  public JsonObject awaitConversation() {
    return Eventually.await(() -> {
      JsonArray found = owner.api().get("/api/v1/conversations?app_id=" + app.getString("id")).json().getJsonArray("data");
      return found.isEmpty() ? null : found.getJsonObject(0);
    }, c -> c != null, Duration.ofSeconds(15), "the visitor's conversation");
  }

  /** An agent's answer in a conversation, through the REST API. */
  public void answer(String conversationId, String text) {
    Api.Reply reply = owner.api().post("/api/v1/conversations/" + conversationId + "/messages",
        Json.createObjectBuilder().add("text", text).build().toString());
    assertEquals(201, reply.status(), () -> "answer: " + reply);
  }

  /** Saves a screenshot of the page as target/screenshots/NAME.png (to look at, not to compare). */
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

  /** Emulates a viewport of that size (a phone: 375 wide), or the browser's own with 0. */
  public void viewport(int width, int height) {
    if (width == 0) {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    } else {
      browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }
  }

  private List<String> strings(String script) {
    List<String> out = new ArrayList<>();
    for (Object value : (List<?>) browser.executeScript(script)) {
      out.add(String.valueOf(value));
    }
    return out;
  }

  @Override
  public void close() {
    browser.quit();
    host.close();
    dashboard.close();
  }
}
