package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The chat frame itself on a real host page: its {@code sandbox} (it can neither navigate the page
 * nor open dialogs), its size closed, open and on a 375 px wide phone, and its
 * {@code Content-Security-Policy}: a page on an origin the app allows can frame it, a foreign one
 * cannot (the browser refuses, the frame never runs).
 */
class WidgetFrameBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Frame Co");
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void restore() {
    page.viewport(0, 0);
  }

  @Test
  void theFrameIsSandboxed() {
    page.load(Form.ARRAY, "");
    page.awaitSession();
    String sandbox = (String) page.js("return document.querySelector(\"iframe[title='Chat']\").getAttribute('sandbox');");
    assertEquals(Set.of("allow-scripts", "allow-same-origin", "allow-popups", "allow-forms"), Set.of(sandbox.split(" ")));
    assertEquals(1L, page.js("return document.querySelectorAll('iframe').length;"));

    // Without allow-top-navigation and allow-modals, the frame can neither take the page elsewhere nor open a dialog.
    String url = page.browser.getCurrentUrl();
    page.inFrame(frame -> frame.executeScript(
        "try { top.location.href = arguments[0]; } catch (e) { /* refused */ } try { alert('from the frame'); } catch (e) { /* refused */ }",
        page.host().origin() + "/elsewhere"));
    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    assertThrows(NoAlertPresentException.class, () -> page.browser.switchTo().alert());
    assertEquals(url, page.browser.getCurrentUrl());
    assertEquals(Boolean.TRUE, page.js("return !!window.Convot.__convot;"), "the same page, still running the widget");
    assertEquals(List.of(), page.errors());
  }

  @Test
  void theFrameSizesItselfClosedOpenAndOnAPhone() {
    page.load(Form.ARRAY, "");
    page.awaitSession();
    assertEquals(List.of(88L, 88L, 0L, 0L), box(awaitShown()), "closed: the launcher in the bottom right corner");

    page.js("Convot.push(['do', 'chat:open']);");
    Map<String, Object> open = Eventually.await(page::frameBox, b -> number(b, "width") == 400, Duration.ofSeconds(15), "the open panel");
    long height = Math.min(704, number(open, "viewportHeight"));
    assertEquals(List.of(400L, height, 0L, 0L), box(open), "open: the panel in the bottom right corner");
    page.screenshot("widget-frame-open");
    assertAccessible("the host page with the chat open");

    page.viewport(375, 812);
    Map<String, Object> phone = Eventually.await(page::frameBox, b -> number(b, "width") == 375, Duration.ofSeconds(15), "full screen");
    assertEquals(List.of(375L, 812L, 0L, 0L, 0L, 0L), List.of(number(phone, "width"), number(phone, "height"), number(phone, "x"),
        number(phone, "y"), right(phone), bottom(phone)), "open on a phone: the whole screen");
    page.screenshot("widget-frame-phone-open");

    page.js("Convot.push(['do', 'chat:close']);");
    Map<String, Object> closed = Eventually.await(page::frameBox, b -> number(b, "width") == 88, Duration.ofSeconds(15), "closed");
    assertEquals(List.of(88L, 88L, 0L, 0L), box(closed), "closed on a phone: the launcher in the corner");
    assertEquals(287L, number(closed, "x"));
    page.screenshot("widget-frame-phone-closed");
    assertEquals(List.of(), page.errors());
  }

  @Test
  void onlyAnOriginTheAppAllowsCanFrameTheChat() {
    String appKey = page.newApp("Framed").getString("app_key");
    String frameUrl = Api.BASE_URL + "/widget/v1/frame?app_id=" + appKey;
    String policy = Api.anonymous().get("/widget/v1/frame?app_id=" + appKey).header("Content-Security-Policy");
    assertTrue(policy.contains("frame-ancestors 'self' " + page.host().origin()), policy);
    assertFalse(policy.contains(page.host().foreignOrigin()), policy);

    page.host().show("""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Framing the chat</title>
        <script>
          window.__spoke = 0;
          addEventListener('message', function (e) { if (e.data && e.data.cv === 1 && e.data.t === 'ready') __spoke++; });
        </script></head>
        <body><iframe id="direct" title="Chat, framed directly" src="%s"></iframe></body></html>
        """.formatted(frameUrl));

    // The allowed origin: the frame runs and speaks to the page.
    page.browser.get(page.host().origin() + "/");
    page.awaitJs("return window.__spoke;", n -> ((Number) n).longValue() == 1, "the frame's hello on the allowed origin");
    page.browser.switchTo().frame("direct");
    assertEquals(1, page.browser.findElements(By.id("launcher")).size());
    page.browser.switchTo().defaultContent();
    drainLogs();

    // A foreign origin: the browser refuses to render the frame, which never runs.
    page.browser.get(page.host().foreignOrigin() + "/");
    List<String> logs = new ArrayList<>();
    Eventually.await(() -> logs.addAll(drainLogs()) || true, x -> logs.stream().anyMatch(m -> m.contains("frame-ancestors")),
        Duration.ofSeconds(15), "the browser's refusal to frame the chat");
    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
    assertEquals(0L, ((Number) page.js("return window.__spoke;")).longValue(), "the frame never ran on a foreign origin");
    page.browser.switchTo().frame("direct");
    assertEquals(0, page.browser.findElements(By.id("launcher")).size());
    page.browser.switchTo().defaultContent();
    page.screenshot("widget-frame-foreign-origin");
  }

  /** axe-core over the page and, through it, the chat frame: no serious or critical violation. */
  private static void assertAccessible(String what) {
    Results results = new AxeBuilder().analyze(page.browser);
    List<String> bad = results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
        .toList();
    assertEquals(List.of(), bad, "axe-core violations on " + what);
  }

  private static List<String> drainLogs() {
    return page.browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
  }

  private static Map<String, Object> awaitShown() {
    return Eventually.await(page::frameBox, b -> "block".equals(b.get("display")), Duration.ofSeconds(15), "the launcher");
  }

  /** Width, height and the distances to the viewport's right and bottom edges. */
  private static List<Long> box(Map<String, Object> box) {
    return List.of(number(box, "width"), number(box, "height"), right(box), bottom(box));
  }

  private static long right(Map<String, Object> box) {
    return number(box, "viewportWidth") - number(box, "x") - number(box, "width");
  }

  private static long bottom(Map<String, Object> box) {
    return number(box, "viewportHeight") - number(box, "y") - number(box, "height");
  }

  private static long number(Map<String, Object> box, String key) {
    return Math.round(((Number) box.get(key)).doubleValue());
  }
}
