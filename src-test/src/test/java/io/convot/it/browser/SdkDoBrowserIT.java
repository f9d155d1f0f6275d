package io.convot.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Every {@code do} command of the widget SDK on a real host page (but {@code session:reset}, in
 * {@link SdkIdentityBrowserIT}): opening, closing, toggling, hiding and showing the chat change the
 * frame on the page and the {@code is} answers, and {@code message:send} reaches the team; with the
 * array queue, the shorthand {@code Convot.do}, and Crisp's host code; a malformed argument to each
 * logs exactly one console warning and changes nothing.
 */
class SdkDoBrowserIT {

  private static SdkHost page;

  @BeforeAll
  static void start() {
    page = new SdkHost("Do Co");
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
  void eachDoCommandChangesTheChatOnThePage() {
    page.load(Form.ARRAY, "Convot.push([\"do\", \"chat:open\"]);");
    page.awaitSession();
    awaitState("open", true);
    assertEquals(400L, ((Number) page.frameBox().get("width")).longValue(), "the open panel's width");
    page.screenshot("sdk-do-open");

    page.js("Convot.do('chat:close');");
    awaitState("closed", true);
    page.js("Convot.push(['do', 'chat:toggle']);");
    awaitState("open", true);
    page.js("Convot.push(['do', 'chat:toggle']);");
    awaitState("closed", true);

    page.js("Convot.push(['do', 'chat:hide']);");
    awaitState("hidden", false);
    page.js("Convot.push(['do', 'chat:show']);");
    awaitState("closed", true);

    assertEquals(false, page.js("return Convot.is('session:ongoing');"));
    page.js("Convot.push(['do', 'message:send', ['text', 'Hello from the host page']]);");
    assertEquals(List.of("Hello from the host page"), messagesOf(page.awaitConversation()));
    page.awaitJs("return Convot.is('session:ongoing');", Boolean.TRUE::equals, "session:ongoing after message:send");
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void crispHostCodeDoesTheSame() {
    page.load(Form.CRISP, "$crisp.push([\"do\", \"chat:hide\"]);");
    page.awaitSession();
    awaitState("hidden", false);
    page.js("$crisp.push(['do', 'chat:show']);");
    awaitState("closed", true);
    page.js("$crisp.push(['do', 'chat:open']);");
    awaitState("open", true);
    page.js("$crisp.push(['do', 'chat:close']);");
    awaitState("closed", true);
    page.js("$crisp.push(['do', 'chat:toggle']);");
    awaitState("open", true);
    page.js("$crisp.push(['do', 'message:send', ['text', 'Sent the Crisp way']]);");
    assertEquals(List.of("Sent the Crisp way"), messagesOf(page.awaitConversation()));
    assertEquals(true, page.js("return $crisp.is('chat:opened');"));
    assertEquals(List.of(), page.warnings());
  }

  @Test
  void aMalformedDoWarnsOnceAndChangesNothing() {
    page.load(Form.OBJECT, "");
    String session = page.awaitSession();
    awaitState("closed", true);

    List<List<String>> malformed = List.of(
        List.of("chat:open", "['do', 'chat:open', ['now']]"),
        List.of("chat:close", "['do', 'chat:close', [true]]"),
        List.of("chat:toggle", "['do', 'chat:toggle', 'twice']"),
        List.of("chat:show", "['do', 'chat:show', [1]]"),
        List.of("chat:hide", "['do', 'chat:hide', ['all']]"),
        List.of("message:send", "['do', 'message:send', ['file', 'invoice.pdf']]"),
        List.of("message:send", "['do', 'message:send', ['text', '']]"),
        List.of("message:send", "['do', 'message:send', ['text']]"),
        List.of("message:send", "['do', 'message:send', 'Hello']"),
        List.of("session:reset", "['do', 'session:reset', ['yes']]"),
        List.of("chat:explode", "['do', 'chat:explode']"),
        List.of("chat:open", "['does', 'chat:open']"));
    for (List<String> command : malformed) {
      List<String> warned = page.warningsOf("Convot.push(" + command.get(1) + ");");
      assertEquals(1, warned.size(), () -> command.get(1) + " warned " + warned);
      assertTrue(warned.get(0).startsWith("Convot: ") && warned.get(0).contains(command.get(0)),
          () -> command.get(1) + " warned " + warned);
    }
    assertEquals("closed", state());
    assertEquals(session, page.js("return Convot.get('session:identifier');"));

    // A message sent after them all is the conversation's only one.
    page.js("Convot.push(['do', 'message:send', ['text', 'The only message']]);");
    JsonObject conversation = page.awaitConversation();
    assertEquals(List.of("The only message"), messagesOf(conversation));
    assertEquals(session, conversation.getJsonObject("contact").getString("id"));
  }

  /** The chat as the page sees it: hidden, closed or open, from the frame's display and size and the is answers. */
  private static String state() {
    Map<String, Object> box = page.frameBox();
    @SuppressWarnings("unchecked")
    Map<String, Object> is = (Map<String, Object>) page.js(
        "return {opened: Convot.is('chat:opened'), closed: Convot.is('chat:closed'), visible: Convot.is('chat:visible')};");
    boolean shown = !"none".equals(box.get("display"));
    if (shown != Boolean.TRUE.equals(is.get("visible")) || is.get("opened").equals(is.get("closed"))) {
      return "inconsistent: " + box + " " + is;
    }
    if (!shown) {
      return "hidden";
    }
    long width = ((Number) box.get("width")).longValue();
    String open = Boolean.TRUE.equals(is.get("opened")) ? "open" : "closed";
    return (open.equals("open") ? width == 400 : width == 88) ? open : "inconsistent: " + box + " " + is;
  }

  private static void awaitState(String expected, boolean visible) {
    Eventually.await(SdkDoBrowserIT::state, expected::equals, Duration.ofSeconds(15), "the chat " + expected);
    assertEquals(visible, page.js("return Convot.is('chat:visible');"));
  }

  private static List<String> messagesOf(JsonObject conversation) {
    return Eventually.await(() -> page.api().get("/api/v1/conversations/" + conversation.getString("id") + "/messages")
        .json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList(),
        list -> !list.isEmpty(), Duration.ofSeconds(15), "the conversation's messages");
  }
}
