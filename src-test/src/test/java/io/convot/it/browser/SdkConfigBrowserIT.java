package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Api;
import io.convot.it.support.Eventually;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every {@code config} command of the widget SDK on a real host page: the theme color (a CSS color
 * or one of Crisp's names) on the launcher, the side of the page, hiding when the team is away or
 * on a phone, the new-message tone muted, the frame's stacking order; with the array queue and with
 * Crisp's host code; a malformed argument to each logs exactly one console warning and changes nothing.
 */
class SdkConfigBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Config Co");
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void noErrors() {
    page.viewport(0, 0);
    assertEquals(List.of(), page.errors(), "console errors or uncaught errors in the host page");
  }

  @Test
  void eachConfigChangesTheWidget() {
    page.load(Form.ARRAY, """
        Convot.push(["config", "color:theme", ["#0b7285"]]);
        Convot.push(["config", "position:reverse", [true]]);
        Convot.push(["config", "container:index", [42]]);
        Convot.push(["config", "hide:on:mobile", [true]]);
        Convot.push(["config", "hide:on:away", [true]]);
        """);
    page.awaitSession();
    Map<String, Object> box = awaitBox(b -> "block".equals(b.get("display")) && number(b, "x") == 0 && "42".equals(b.get("zIndex")),
        "the launcher on the left, at z-index 42");
    assertEquals("42", box.get("zIndex"));
    assertEquals("rgb(11, 114, 133)", launcherColor());
    // hide:on:away hides nothing while the team is available.
    assertEquals(available(), page.js("return Convot.is('website:available');"));
    assertEquals(true, page.js("return Convot.is('chat:visible');"));
    page.screenshot("sdk-config-left");

    // The frame applies the two commands one after the other (a layout each): wait for both.
    page.js("Convot.push(['config', 'position:reverse', [false]], ['config', 'container:index', [2147483000]]);");
    box = awaitBox(b -> number(b, "x") + number(b, "width") == number(b, "viewportWidth") && "2147483000".equals(b.get("zIndex")),
        "the launcher back on the right, above everything");
    assertEquals("2147483000", box.get("zIndex"));

    // hide:on:mobile: hidden on a phone's width, shown again once the page turns it off.
    page.viewport(375, 812);
    awaitBox(b -> "none".equals(b.get("display")), "the widget hidden on a phone");
    page.awaitJs("return Convot.is('chat:visible');", Boolean.FALSE::equals, "chat:visible false on a phone");
    page.js("Convot.push(['config', 'hide:on:mobile', [false]]);");
    box = awaitBox(b -> "block".equals(b.get("display")), "the widget shown on a phone");
    assertEquals(List.of(88L, 88L, 375L), List.of(number(box, "width"), number(box, "height"), number(box, "x") + number(box, "width")));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeConfiguresTheSameWay() {
    page.newAwayApp("Away Orders");
    page.reload(Form.CRISP, """
        $crisp.push(["config", "color:theme", ["amber"]]);
        $crisp.push(["config", "hide:on:away", [true]]);
        """);
    page.awaitSession();
    assertEquals(false, page.js("return $crisp.is('website:available');"));
    awaitBox(b -> "none".equals(b.get("display")), "the widget hidden while the team is away");
    assertEquals(false, page.js("return $crisp.is('chat:visible');"));

    page.js("""
        $crisp.push(["config", "hide:on:away", [false]]);
        $crisp.push(["config", "position:reverse", [true]]);
        $crisp.push(["config", "container:index", [1]]);
        """);
    Map<String, Object> box = awaitBox(b -> "block".equals(b.get("display")) && number(b, "x") == 0, "the widget shown on the left");
    assertEquals("1", box.get("zIndex"));
    assertEquals("rgb(255, 193, 7)", launcherColor());
    page.js("$crisp.push(['config', 'color:theme', ['deep_purple']]);");
    page.settle();
    assertEquals("rgb(103, 58, 183)", launcherColor());
    page.screenshot("sdk-config-crisp-away");
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void soundMuteSilencesTheNewMessageTone() {
    page.load(Form.ARRAY, "");
    page.awaitSession();
    // Counts the tones the frame plays (the browser's own AudioContext, observed); a click in the frame allows sound.
    page.inFrame(frame -> {
      frame.executeScript("""
          window.__tones = 0;
          var Real = window.AudioContext;
          window.AudioContext = function () {
            var context = new Real(), oscillator = context.createOscillator.bind(context);
            context.createOscillator = function () { window.__tones++; return oscillator(); };
            return context;
          };
          """);
      frame.findElement(By.id("launcher")).click();
      frame.findElement(By.id("launcher")).click();
      return null;
    });
    page.awaitJs("return Convot.is('chat:closed');", Boolean.TRUE::equals, "the chat closed again");
    page.js("Convot.push(['do', 'message:send', ['text', 'Anyone there?']]);");
    String conversationId = page.awaitConversation().getString("id");

    page.answer(conversationId, "One");
    awaitUnread(1);
    assertEquals(1L, tones());
    page.js("Convot.push(['config', 'sound:mute', [true]]);");
    page.settle();
    page.answer(conversationId, "Two");
    awaitUnread(2);
    assertEquals(1L, tones(), "no tone while muted");
    page.js("Convot.push(['config', 'sound:mute', [false]]);");
    page.settle();
    page.answer(conversationId, "Three");
    awaitUnread(3);
    assertEquals(2L, tones(), "a tone again once unmuted");
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void aMalformedConfigWarnsOnceAndChangesNothing() {
    page.load(Form.OBJECT, "");
    page.awaitSession();
    Map<String, Object> before = awaitBox(b -> "block".equals(b.get("display")), "the launcher");
    String color = launcherColor();

    List<List<String>> malformed = List.of(
        List.of("color:theme", "['config', 'color:theme', ['not-a-color']]"),
        List.of("color:theme", "['config', 'color:theme', [42]]"),
        List.of("color:theme", "['config', 'color:theme', ['red; background: url(x)']]"),
        List.of("position:reverse", "['config', 'position:reverse', ['yes']]"),
        List.of("hide:on:away", "['config', 'hide:on:away', [1]]"),
        List.of("hide:on:mobile", "['config', 'hide:on:mobile', ['true']]"),
        List.of("sound:mute", "['config', 'sound:mute', [null]]"),
        List.of("container:index", "['config', 'container:index', [1.5]]"),
        List.of("container:index", "['config', 'container:index', ['9']]"),
        List.of("color:scheme", "['config', 'color:scheme', ['dark']]"));
    for (List<String> command : malformed) {
      List<String> warned = page.warningsOf("Convot.push(" + command.get(1) + ");");
      assertEquals(1, warned.size(), () -> command.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: ") && warned.get(0).contains(command.get(0)),
          () -> command.get(1) + " warned " + warned);
    }
    assertEquals(before, page.frameBox());
    assertEquals(color, launcherColor());
    assertEquals(true, page.js("return Convot.is('chat:visible');"));
  }

  private static String launcherColor() {
    return page.inFrame(frame -> (String) frame.executeScript(
        "return getComputedStyle(document.getElementById('launcher')).backgroundColor;"));
  }

  private static Object available() {
    JsonObject config = Api.anonymous().header("Origin", page.host().origin())
        .get("/widget/v1/config?app_id=" + page.app().getString("app_key")).json();
    return config.getBoolean("available");
  }

  private static long tones() {
    return page.inFrame(frame -> ((Number) frame.executeScript("return window.__tones;")).longValue());
  }

  private static void awaitUnread(long count) {
    page.awaitJs("return Convot.get('chat:unread:count');", n -> n != null && ((Number) n).longValue() == count, count + " unread");
  }

  private static Map<String, Object> awaitBox(java.util.function.Predicate<Map<String, Object>> done, String what) {
    return Eventually.await(page::frameBox, done, Duration.ofSeconds(15), what);
  }

  private static long number(Map<String, Object> box, String key) {
    return Math.round(((Number) box.get(key)).doubleValue());
  }
}
