package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.convot.it.support.Browser;
import io.convot.it.support.SdkHost;
import io.convot.it.support.SdkHost.Form;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The widget SDK's events on a real host page ({@code website:availability:changed} aside, which
 * follows the team's availability): each fires with its value, and no longer once {@code off}
 * removed its listener (one callback, or all of an event's); with the array queue and with Crisp's
 * host code; a malformed {@code on} or {@code off} logs exactly one console warning and changes
 * nothing.
 */
class SdkEventsBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Events Co");
  }

  @AfterAll
  static void stop() {
    if (page != null) {
      page.close();
    }
  }

  @AfterEach
  void noErrors() {
    assertEquals(List.of(), page.errors(), "console errors or uncaught errors in the host page");
  }

  @Test
  void everyEventFiresUntilItsListenerIsRemoved() {
    page.load(Form.ARRAY, """
        ["session:loaded", "chat:opened", "chat:closed", "message:sent", "message:received", "user:email:changed",
         "user:nickname:changed"].forEach(function (name) { Convot.push(["on", name, __listener(name)]); });
        Convot.push(["on", "chat:opened", __listener("chat:opened", "second")]);
        """);
    String contactId = page.awaitSession();
    page.awaitEvent("session:loaded", 1);

    page.js("Convot.push(['do', 'chat:open']);");
    page.awaitEvent("chat:opened#second", 1);
    page.js("Convot.push(['do', 'chat:close']);");
    page.awaitEvent("chat:closed", 1);
    page.js("Convot.push(['do', 'message:send', ['text', 'Ping']]);");
    page.awaitEvent("message:sent", 1);
    JsonObject conversation = page.awaitConversation();
    page.answer(conversation.getString("id"), "Pong");
    page.awaitEvent("message:received", 1);
    page.js("Convot.push(['set', 'user:email', ['nico@shop.test']], ['set', 'user:nickname', ['Nico']]);");
    page.awaitEvent("user:nickname:changed", 1);
    page.js("Convot.push(['set', 'user:email', ['nico@shop.test']]);"); // the same: no change, no event
    page.settle();

    List<String> events = page.events();
    assertEquals(List.of("session:loaded \"" + contactId + "\"", "chat:opened null", "chat:opened#second null", "chat:closed null"),
        events.subList(0, 4));
    assertTrue(events.get(4).startsWith("message:sent {") && events.get(4).contains("\"text\":\"Ping\""), events.get(4));
    assertTrue(events.get(5).startsWith("message:received {") && events.get(5).contains("\"text\":\"Pong\""), events.get(5));
    assertEquals(List.of("user:email:changed \"nico@shop.test\"", "user:nickname:changed \"Nico\""), events.subList(6, events.size()));

    // Off: one callback of chat:opened (the other stays), every callback of the others.
    page.js("""
        Convot.push(["off", "chat:opened", __listener("chat:opened")]);
        Convot.off("message:sent", __listener("message:sent"));
        ["session:loaded", "chat:closed", "message:received", "user:email:changed", "user:nickname:changed"]
          .forEach(function (name) { Convot.push(["off", name]); });
        """);
    page.js("Convot.push(['do', 'chat:open']);");
    page.awaitEvent("chat:opened#second", 2);
    page.js("Convot.push(['do', 'chat:close'], ['do', 'message:send', ['text', 'Ping again']]);");
    page.answer(conversation.getString("id"), "Pong again");
    awaitInTranscript("agent", "Pong again");
    awaitInTranscript("visitor", "Ping again");
    // Another email is another person: a new contact, and session:loaded again (unheard).
    page.js("Convot.push(['set', 'user:email', ['nico@other.test']], ['set', 'user:nickname', ['Nicolas']]);");
    String other = page.awaitSessionContact(c -> "Nicolas".equals(c.getString("nickname", null))
        && "nico@other.test".equals(c.getString("email", null)), "the other person's contact").getString("id");
    page.js("Convot.push(['do', 'session:reset']);");
    page.awaitJs("return Convot.get('session:identifier') || null;", id -> id != null && !other.equals(id), "a new session");
    page.settle();
    assertEquals(events.size() + 1, page.events().size(), () -> "events after off: " + page.events());
    assertEquals("chat:opened#second null", page.events().get(events.size()));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeListensAndStopsListening() {
    page.load(Form.CRISP, """
        $crisp.push(["on", "session:loaded", __listener("session:loaded")]);
        $crisp.push(["on", "chat:opened", __listener("chat:opened")]);
        $crisp.push(["on", "chat:closed", __listener("chat:closed")]);
        $crisp.push(["on", "message:sent", __listener("message:sent")]);
        $crisp.push(["on", "user:email:changed", __listener("user:email:changed")]);
        """);
    String contactId = page.awaitSession();
    page.js("$crisp.push(['do', 'chat:open']); $crisp.push(['do', 'chat:close']);");
    page.js("$crisp.push(['do', 'message:send', ['text', 'Hello Crisp']]); $crisp.push(['set', 'user:email', ['cris@shop.test']]);");
    page.awaitEvent("message:sent", 1);
    page.awaitEvent("user:email:changed", 1);
    List<String> events = page.events();
    assertEquals(List.of("session:loaded \"" + contactId + "\"", "chat:opened null", "chat:closed null"), events.subList(0, 3));
    assertTrue(events.contains("user:email:changed \"cris@shop.test\""), events.toString());
    assertEquals(5, events.size(), events.toString());

    page.js("""
        ["session:loaded", "chat:opened", "chat:closed", "message:sent", "user:email:changed"]
          .forEach(function (name) { $crisp.push(["off", name]); });
        $crisp.push(["do", "chat:open"]);
        $crisp.push(["do", "chat:close"]);
        $crisp.push(["do", "message:send", ["text", "Hello again"]]);
        """);
    awaitInTranscript("visitor", "Hello again");
    page.js("$crisp.push(['set', 'user:email', ['cris@other.test']]);");
    String other = page.awaitSessionContact(c -> "cris@other.test".equals(c.getString("email", null)), "the other person's contact")
        .getString("id");
    page.js("$crisp.push(['do', 'session:reset']);");
    page.awaitJs("return $crisp.get('session:identifier') || null;", id -> id != null && !other.equals(id), "a new session");
    page.settle();
    assertEquals(events, page.events());
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void theVisitorTypingTheirEmailIsAnnounced() {
    page.newAwayApp("Away Orders");
    page.reload(Form.ARRAY, "Convot.push([\"on\", \"user:email:changed\", __listener(\"user:email:changed\")]);");
    String contactId = page.awaitSession();
    page.js("Convot.push(['do', 'chat:open']);");
    page.inFrame(frame -> {
      Browser.waitUpTo(frame, 15).until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
          .sendKeys("visitor@shop.test");
      frame.findElement(By.cssSelector("#email-form button[type=submit]")).click();
      return null;
    });
    assertEquals(List.of("user:email:changed \"visitor@shop.test\""), page.awaitEvent("user:email:changed", 1));
    page.awaitContact(contactId, c -> "visitor@shop.test".equals(c.getString("email", null)), "the typed email");
    page.screenshot("sdk-away-email");
  }

  /** Waits until the frame shows a sent (not pending) message of that side with that text: its event, if any, went out. */
  private static void awaitInTranscript(String side, String text) {
    page.inFrame(frame -> Browser.waitUpTo(frame, 15).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//ol[@id='log']/li[contains(@class, '" + side + "') and not(contains(@class, 'pending'))][contains(., '" + text + "')]"))));
  }

  @Test
  void aMalformedOnOrOffWarnsOnceAndChangesNothing() {
    page.load(Form.OBJECT, "");
    page.awaitSession();
    page.js("Convot.push(['on', 'chat:opened', __listener('chat:opened')]);");

    List<List<String>> malformed = List.of(
        List.of("chat:opened", "Convot.push(['on', 'chat:opened', 'alert(1)']);"),
        List.of("chat:closed", "Convot.push(['on', 'chat:closed']);"),
        List.of("chat:exploded", "Convot.push(['on', 'chat:exploded', __listener('chat:exploded')]);"),
        List.of("message:sent", "Convot.on('message:sent', {handleEvent: function () {}});"),
        List.of("chat:opened", "Convot.push(['off', 'chat:opened', 42]);"),
        List.of("message:teleported", "Convot.push(['off', 'message:teleported']);"),
        List.of("chat:opened", "Convot.push(['on', 'Chat:Opened', __listener('chat:opened', 'cased')]);"));
    for (List<String> command : malformed) {
      List<String> warned = page.warningsOf(command.get(1));
      assertEquals(1, warned.size(), () -> command.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: ") && warned.get(0).toLowerCase().contains(command.get(0)),
          () -> command.get(1) + " warned " + warned);
    }

    page.js("Convot.push(['do', 'chat:open'], ['do', 'chat:close'], ['do', 'message:send', ['text', 'Hi']]);");
    awaitInTranscript("visitor", "Hi");
    page.settle();
    assertEquals(List.of("chat:opened null"), page.events(), "only the listener added before fired, once");
  }
}
